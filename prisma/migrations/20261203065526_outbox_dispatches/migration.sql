-- One outbox for every outbound message: a row belongs to a dispatch (kind +
-- id) and a channel, is claimed in priority order under a lease with a claim
-- token, and records whether a send began under a claim that then lapsed.
-- Existing campaign rows keep their data: email becomes recipient, values
-- becomes payload, and the campaign is their dispatch.

-- CreateEnum
CREATE TYPE "OutboxChannel" AS ENUM ('email', 'http');

-- DropIndex
DROP INDEX "outbox_campaign_id_email_key";

-- DropIndex
DROP INDEX "outbox_state_next_attempt_at_idx";

-- Keep the data of existing rows
ALTER TABLE "outbox" RENAME COLUMN "email" TO "recipient";
ALTER TABLE "outbox" RENAME COLUMN "values" TO "payload";
ALTER TABLE "outbox" ADD COLUMN "dispatch_id" VARCHAR(200);
UPDATE "outbox" SET "dispatch_id" = "campaign_id";

-- AlterTable
ALTER TABLE "outbox" ALTER COLUMN "recipient" SET DATA TYPE VARCHAR(2048),
ALTER COLUMN "dispatch_id" SET NOT NULL,
ADD COLUMN     "channel" "OutboxChannel" NOT NULL DEFAULT 'email',
ADD COLUMN     "claim_token" UUID,
ADD COLUMN     "kind" VARCHAR(40) NOT NULL DEFAULT 'campaign',
ADD COLUMN     "priority" SMALLINT NOT NULL DEFAULT 100,
ADD COLUMN     "started_at" TIMESTAMPTZ(3),
ADD COLUMN     "unconfirmed_sends" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "campaign_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "outbox_send_rate" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "next_slot_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_send_rate_pkey" PRIMARY KEY ("id")
);

-- The one row every worker moves to share CANDOR_SEND_RATE.
INSERT INTO "outbox_send_rate" ("id") VALUES (1);

-- CreateIndex
CREATE INDEX "outbox_state_priority_id_idx" ON "outbox"("state", "priority", "id");

-- CreateIndex
CREATE INDEX "outbox_state_locked_until_idx" ON "outbox"("state", "locked_until");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_kind_dispatch_id_recipient_key" ON "outbox"("kind", "dispatch_id", "recipient");
