import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { stopServerProcess } from "./process-tools";

describe("stopServerProcess", () => {
  it("ends a stopped (SIGSTOP) process that ignores the shutdown signals", async () => {
    const child = spawn(
      process.execPath,
      ["-e", `process.on("SIGINT", () => {}); process.on("SIGQUIT", () => {}); setInterval(() => {}, 1000); console.log("ready")`],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await once(child.stdout, "data");
    child.kill("SIGSTOP");
    await stopServerProcess(child, { quitAfterMs: 50, killAfterMs: 50 });
    expect(child.signalCode).toBe("SIGKILL");
  });

  it("lets a process that stops on SIGINT end by itself", async () => {
    const child = spawn(process.execPath, ["-e", `setInterval(() => {}, 1000); console.log("ready")`], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await once(child.stdout, "data");
    await stopServerProcess(child, { quitAfterMs: 10_000, killAfterMs: 10_000 });
    expect(child.signalCode).toBe("SIGINT");
  });
});
