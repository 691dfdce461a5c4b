// nginx serving saved copies of pages: the ceiling a static file server
// reaches on this machine, measured in the same run as Candor.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";

export function ensureNginx(): string {
  const found = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((candidate) => spawnSync(candidate, ["-v"]).error === undefined);
  if (found) return found;
  console.log("Installing nginx from Debian (apt-get install nginx)…");
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "nginx"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return "/usr/sbin/nginx";
}

/** Serves `directory` on 127.0.0.1:`port` with one worker (one core, like one Node process). */
export async function startNginx(binary: string, directory: string, port: number): Promise<ChildProcess> {
  const config = path.join(directory, "nginx.conf");
  await writeFile(
    config,
    `daemon off;
worker_processes 1;
pid ${directory}/nginx.pid;
error_log ${directory}/error.log warn;
${process.getuid?.() === 0 ? "user root;" : ""}
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${directory}/tmp;
  proxy_temp_path ${directory}/tmp;
  fastcgi_temp_path ${directory}/tmp;
  uwsgi_temp_path ${directory}/tmp;
  scgi_temp_path ${directory}/tmp;
  types { text/html html; application/json json; }
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${port};
    root ${directory}/site;
  }
}
`,
  );
  return spawn(binary, ["-c", config, "-p", directory], { stdio: ["ignore", "ignore", "inherit"] });
}
