-- CreateEnum
CREATE TYPE "DraftKind" AS ENUM ('incident', 'update');

-- CreateEnum
CREATE TYPE "DraftState" AS ENUM ('open', 'published', 'dismissed');

-- AlterTable
ALTER TABLE "audit_logs" ADD COLUMN     "api_token_id" TEXT;

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "role" "OperatorRole" NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_idempotency_keys" (
    "token_id" TEXT NOT NULL,
    "key" VARCHAR(200) NOT NULL,
    "request_hash" VARCHAR(64) NOT NULL,
    "status" INTEGER,
    "response_body" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "api_idempotency_keys_pkey" PRIMARY KEY ("token_id","key")
);

-- CreateTable
CREATE TABLE "alert_rules" (
    "id" TEXT NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "match_labels" JSONB NOT NULL,
    "component_ids" TEXT[],
    "component_status" "ComponentStatus" NOT NULL DEFAULT 'major_outage',
    "severity_impacts" JSONB NOT NULL,
    "default_impact" "IncidentImpact" NOT NULL DEFAULT 'minor',
    "auto_publish" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alerts" (
    "id" TEXT NOT NULL,
    "fingerprint" VARCHAR(200) NOT NULL,
    "source" VARCHAR(20) NOT NULL,
    "labels" JSONB NOT NULL,
    "is_firing" BOOLEAN NOT NULL DEFAULT true,
    "received_count" INTEGER NOT NULL DEFAULT 1,
    "draft_id" TEXT,
    "incident_id" TEXT,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drafts" (
    "id" TEXT NOT NULL,
    "kind" "DraftKind" NOT NULL,
    "state" "DraftState" NOT NULL DEFAULT 'open',
    "source" VARCHAR(120) NOT NULL,
    "incident_id" TEXT,
    "title" VARCHAR(200) NOT NULL,
    "impact" "IncidentImpact" NOT NULL,
    "status" "IncidentStatus" NOT NULL,
    "message" TEXT NOT NULL,
    "components" JSONB NOT NULL,
    "is_alert_resolved" BOOLEAN NOT NULL DEFAULT false,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "drafts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_created_by_id_idx" ON "api_tokens"("created_by_id");

-- CreateIndex
CREATE INDEX "api_idempotency_keys_created_at_idx" ON "api_idempotency_keys"("created_at");

-- CreateIndex
CREATE INDEX "alert_rules_position_idx" ON "alert_rules"("position");

-- CreateIndex
CREATE UNIQUE INDEX "alerts_fingerprint_key" ON "alerts"("fingerprint");

-- CreateIndex
CREATE INDEX "alerts_draft_id_idx" ON "alerts"("draft_id");

-- CreateIndex
CREATE INDEX "alerts_incident_id_idx" ON "alerts"("incident_id");

-- CreateIndex
CREATE INDEX "drafts_state_created_at_idx" ON "drafts"("state", "created_at");

-- CreateIndex
CREATE INDEX "drafts_incident_id_idx" ON "drafts"("incident_id");

-- CreateIndex
CREATE INDEX "audit_logs_api_token_id_idx" ON "audit_logs"("api_token_id");

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_api_token_id_fkey" FOREIGN KEY ("api_token_id") REFERENCES "api_tokens"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_idempotency_keys" ADD CONSTRAINT "api_idempotency_keys_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_tokens"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "drafts"("id") ON DELETE SET NULL ON UPDATE CASCADE;
