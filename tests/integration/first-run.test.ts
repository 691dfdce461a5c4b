import { describe, expect, it } from "vitest";
import { buildPublicSnapshot, readSnapshotVersion } from "@/lib/public-snapshot/build-snapshot";
import { createAdmin } from "../support/factories";

describe("first run", () => {
  it("tells the public the page is not set up until the first admin exists, and moves the snapshot version then", async () => {
    const before = await readSnapshotVersion();
    expect((await buildPublicSnapshot(before, new Date())).isSetUp).toBe(false);
    await createAdmin();
    const after = await readSnapshotVersion();
    expect(after.version).not.toBe(before.version);
    expect((await buildPublicSnapshot(after, new Date())).isSetUp).toBe(true);
  });
});
