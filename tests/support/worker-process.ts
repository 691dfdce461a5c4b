// `npm run worker` as the outbox tests start it: node itself with tsx's
// loader (the tsx command would put a second process between the test and the
// worker, and signals would reach only the first), under the react-server
// condition the data layer's `server-only` import needs.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export function startWorkerProcess(options: { smtpUrl: string; leaseSeconds: number; authSecret: string }): ChildProcess {
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.resolve("scripts/worker.ts")], {
    env: {
      ...process.env,
      SMTP_URL: options.smtpUrl,
      CANDOR_SEND_RATE: "0",
      CANDOR_OUTBOX_LEASE_SECONDS: String(options.leaseSeconds),
      NODE_ENV: "production",
      AUTH_SECRET: options.authSecret,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}
