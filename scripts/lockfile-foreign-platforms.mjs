// The npm registry these machines reach holds only the Linux builds of
// platform-specific optional packages (Next's SWC, Tailwind's oxide), so
// `npm install` leaves the other platforms out of package-lock.json and
// `npm ci` then refuses the lock as out of sync. This adds each missing
// optional package as an entry for its own os/cpu, which npm skips on every
// other platform. Run after `npm install` changes the lock.
import { readFileSync, writeFileSync } from "node:fs";

const LOCK = "package-lock.json";
const lock = JSON.parse(readFileSync(LOCK, "utf8"));
const packages = lock.packages;

function platformOf(name) {
  const os = ["darwin", "win32", "android", "freebsd", "linux", "openbsd", "netbsd", "sunos", "aix"].find((value) => name.includes(value));
  const cpu = name.includes("wasm32")
    ? "wasm32"
    : name.includes("arm64")
      ? "arm64"
      : /-arm(-|$)/.test(name)
        ? "arm"
        : name.includes("ia32")
          ? "ia32"
          : name.includes("x64")
            ? "x64"
            : undefined;
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}) };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (packages[key] || packages[`${path}/${key}`]) continue;
    packages[key] = { version, ...platformOf(name), dev: entry.dev, optional: true };
    if (!entry.dev) delete packages[key].dev;
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`Added ${added} foreign-platform optional packages to ${LOCK}.`);
