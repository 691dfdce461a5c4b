// npm run bench: the static mirror, pushed by a production Candor (its
// outbox worker) to a real S3-compatible server (s3rver, in this process):
// the time from a public change to the bucket showing it, the bytes a
// one-update change uploads, and a full push of 1,000 incidents (and a
// one-update change on top of them).
import { declareIncident } from "../lib/incidents/declare-incident";
import { postIncidentUpdate } from "../lib/incidents/post-update";
import { declareIncidentSchema, postUpdateSchema } from "../lib/incidents/schemas";
import { S3_KEY, S3_SECRET, startS3Server } from "../tests/support/s3-server";
import { freePort, startCandor, withBenchDatabase } from "./support";

const TARGET_MS = 5_000;
const INCIDENTS = 1_000;
const POLL_MS = 50;

await withBenchDatabase(async ({ admin, children }) => {
  const { prisma } = await import("../lib/db");
  const s3 = await startS3Server();
  try {
    const port = await freePort();
    children.push(
      await startCandor(port, {
        CANDOR_MIRROR_S3_URL: s3.url,
        CANDOR_MIRROR_S3_BUCKET: s3.bucket,
        CANDOR_MIRROR_S3_ACCESS_KEY_ID: S3_KEY,
        CANDOR_MIRROR_S3_SECRET_ACCESS_KEY: S3_SECRET,
      }),
    );

    /** Waits until the bucket shows the current public version; returns ms since `since` and the push's figures. */
    async function untilMirrored(since: number, limitMs = 300_000) {
      const { version } = await prisma.publicSnapshotVersion.findUniqueOrThrow({ where: { id: 1 } });
      for (;;) {
        const state = await prisma.mirrorState.findUniqueOrThrow({ where: { id: 1 } });
        if (state.pushedVersion >= version) {
          return {
            ms: performance.now() - since,
            uploaded: state.lastUploaded,
            bytes: Number(state.lastBytes),
            objects: state.objectCount,
          };
        }
        if (performance.now() - since > limitMs)
          throw new Error(`the mirror did not catch up within ${limitMs / 1000} s: ${state.lastError}`);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    }

    await untilMirrored(performance.now());
    let started = performance.now();
    const { id } = await declareIncident(
      admin,
      declareIncidentSchema.parse({
        title: "Checkout errors",
        impact: "major",
        status: "investigating",
        message: "Looking into it.",
        components: [],
      }),
    );
    const declared = await untilMirrored(started);
    started = performance.now();
    await postIncidentUpdate(
      admin,
      postUpdateSchema.parse({ incidentId: id, status: "identified", message: "Found the cause.", components: [] }),
    );
    const updated = await untilMirrored(started);

    console.log(`\nStatic mirror to s3rver on loopback, pushed by Candor's outbox worker`);
    console.log(
      `declare an incident → bucket up to date     ${declared.ms.toFixed(0).padStart(6)} ms  (${declared.uploaded} objects, ${declared.bytes} bytes)`,
    );
    console.log(
      `one update → bucket up to date              ${updated.ms.toFixed(0).padStart(6)} ms  (${updated.uploaded} objects, ${updated.bytes} bytes uploaded)`,
    );

    started = performance.now();
    const at = Date.now() - 400 * 86_400_000;
    await prisma.incident.createMany({
      data: Array.from({ length: INCIDENTS }, (_, index) => ({
        title: `Past incident ${index + 1}`,
        impact: "MINOR" as const,
        status: "RESOLVED" as const,
        startedAt: new Date(at + index * 3_600_000),
        resolvedAt: new Date(at + index * 3_600_000 + 1_800_000),
      })),
    });
    const full = await untilMirrored(started);
    console.log(
      `${INCIDENTS} more incidents → bucket up to date     ${full.ms.toFixed(0).padStart(6)} ms  (${full.uploaded} objects, ${(full.bytes / 1e6).toFixed(1)} MB; ${full.objects} in the bucket)`,
    );
    started = performance.now();
    await postIncidentUpdate(
      admin,
      postUpdateSchema.parse({ incidentId: id, status: "monitoring", message: "Fix deployed.", components: [] }),
    );
    const large = await untilMirrored(started);
    console.log(
      `one update with ${INCIDENTS} incidents → up to date   ${large.ms.toFixed(0).padStart(6)} ms  (${large.uploaded} objects, ${large.bytes} bytes uploaded)`,
    );
    console.log(
      `target: a change reaches the mirror within ${TARGET_MS / 1000} s — ${updated.ms <= TARGET_MS ? "met" : "NOT met"} (${(updated.ms / 1000).toFixed(1)} s)`,
    );
    console.log(
      `target: with ${INCIDENTS} incidents, within ${TARGET_MS / 1000} s — ${large.ms <= TARGET_MS ? "met" : "NOT met"} (${(large.ms / 1000).toFixed(1)} s)`,
    );
  } finally {
    await s3.dispose();
  }
});
process.exit(0);
