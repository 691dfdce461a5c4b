// What operators rely on: one send rate for the whole deployment, shared
// through PostgreSQL, and the outbox's state in /api/health.
import { expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { checkHealth } from "@/lib/health/check-health";
import { enqueueEmail } from "@/lib/outbox/enqueue";
import { SharedRateLimiter } from "@/lib/outbox/rate-limiter";

it("shares CANDOR_SEND_RATE between workers: their send slots never overlap", async () => {
  const perSecond = 20;
  const [row] = await prisma.$queryRaw<{ start: Date }[]>`
    UPDATE outbox_send_rate SET next_slot_at = clock_timestamp() WHERE id = 1 RETURNING next_slot_at AS start`;
  // Two workers (two limiters, as in two processes) take four slots each at once.
  const workers = [new SharedRateLimiter(perSecond), new SharedRateLimiter(perSecond)];
  await Promise.all(workers.flatMap((limiter) => [1, 2, 3, 4].map(() => limiter.take())));
  const { nextSlotAt } = await prisma.outboxSendRate.findUniqueOrThrow({ where: { id: 1 } });
  // Eight slots of 1/20 s, one after another on the shared row: at least 400 ms of sending time for the deployment.
  expect(nextSlotAt.getTime() - row!.start.getTime()).toBeGreaterThanOrEqual((8 * 1_000) / perSecond);
});

it("reports the outbox in /api/health: unsent messages, how long the oldest due one has waited, failures", async () => {
  await prisma.$transaction(async (tx) => {
    for (const to of ["waiting@example.com", "refused@example.com"])
      await enqueueEmail(tx, { kind: "notice", dispatchId: "incident.opened:inc_9", to, subject: "Notice", html: "<p>Hi</p>", text: "Hi" });
  });
  await prisma.outboxMessage.update({
    where: { kind_dispatchId_recipient: { kind: "notice", dispatchId: "incident.opened:inc_9", recipient: "waiting@example.com" } },
    data: { nextAttemptAt: new Date(Date.now() - 90_000) },
  });
  await prisma.outboxMessage.update({
    where: { kind_dispatchId_recipient: { kind: "notice", dispatchId: "incident.opened:inc_9", recipient: "refused@example.com" } },
    data: { state: "FAILED", lastError: "550 No such user" },
  });
  const health = await checkHealth();
  expect(health.status === "ok" && health.outbox).toEqual({ pending: 1, oldestPendingSeconds: expect.any(Number), failed: 1 });
  expect(health.status === "ok" && health.outbox.oldestPendingSeconds).toBeGreaterThanOrEqual(90);
});
