-- CreateEnum
CREATE TYPE "SubscriberState" AS ENUM ('pending', 'confirmed', 'unsubscribed', 'bounced');

-- CreateTable
CREATE TABLE "subscribers" (
    "id" TEXT NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "state" "SubscriberState" NOT NULL DEFAULT 'pending',
    "all_components" BOOLEAN NOT NULL DEFAULT true,
    "confirm_token_hash" VARCHAR(64),
    "confirm_expires_at" TIMESTAMPTZ(3),
    "manage_token_hash" VARCHAR(64) NOT NULL,
    "imported_by_id" TEXT,
    "confirmed_at" TIMESTAMPTZ(3),
    "unsubscribed_at" TIMESTAMPTZ(3),
    "bounced_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subscribers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscriber_components" (
    "subscriber_id" TEXT NOT NULL,
    "component_id" TEXT NOT NULL,

    CONSTRAINT "subscriber_components_pkey" PRIMARY KEY ("subscriber_id","component_id")
);

-- CreateTable
CREATE TABLE "subscriber_notices" (
    "id" TEXT NOT NULL,
    "event" VARCHAR(40) NOT NULL,
    "incident_id" TEXT,
    "update_id" TEXT,
    "subject" VARCHAR(300) NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "recipients" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscriber_notices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhooks" (
    "id" TEXT NOT NULL,
    "url" VARCHAR(2048) NOT NULL,
    "format" VARCHAR(20) NOT NULL DEFAULT 'statuspage',
    "secret" VARCHAR(100) NOT NULL,
    "is_enabled" BOOLEAN NOT NULL DEFAULT true,
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "disabled_at" TIMESTAMPTZ(3),
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhooks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" TEXT NOT NULL,
    "webhook_id" TEXT NOT NULL,
    "event" VARCHAR(60) NOT NULL,
    "status" INTEGER,
    "response_ms" INTEGER NOT NULL,
    "response" VARCHAR(1024) NOT NULL,
    "is_success" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "subscribers_email_key" ON "subscribers"("email");

-- CreateIndex
CREATE UNIQUE INDEX "subscribers_confirm_token_hash_key" ON "subscribers"("confirm_token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "subscribers_manage_token_hash_key" ON "subscribers"("manage_token_hash");

-- CreateIndex
CREATE INDEX "subscribers_state_idx" ON "subscribers"("state");

-- CreateIndex
CREATE INDEX "subscribers_confirm_expires_at_idx" ON "subscribers"("confirm_expires_at");

-- CreateIndex
CREATE INDEX "subscriber_components_component_id_idx" ON "subscriber_components"("component_id");

-- CreateIndex
CREATE UNIQUE INDEX "subscriber_notices_update_id_key" ON "subscriber_notices"("update_id");

-- CreateIndex
CREATE INDEX "subscriber_notices_incident_id_idx" ON "subscriber_notices"("incident_id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_webhook_id_created_at_idx" ON "webhook_deliveries"("webhook_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "subscriber_components" ADD CONSTRAINT "subscriber_components_subscriber_id_fkey" FOREIGN KEY ("subscriber_id") REFERENCES "subscribers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriber_components" ADD CONSTRAINT "subscriber_components_component_id_fkey" FOREIGN KEY ("component_id") REFERENCES "components"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE CASCADE;
