-- AlterEnum
ALTER TYPE "OutboxChannel" ADD VALUE 'mirror';

-- CreateTable
CREATE TABLE "mirror_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "target" VARCHAR(500) NOT NULL DEFAULT '',
    "pushed_version" BIGINT NOT NULL DEFAULT 0,
    "manifest" JSONB NOT NULL DEFAULT '{}',
    "last_success_at" TIMESTAMPTZ(3),
    "last_attempt_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "last_error_at" TIMESTAMPTZ(3),
    "last_uploaded" INTEGER NOT NULL DEFAULT 0,
    "last_deleted" INTEGER NOT NULL DEFAULT 0,
    "last_bytes" BIGINT NOT NULL DEFAULT 0,
    "object_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "mirror_state_pkey" PRIMARY KEY ("id")
);

INSERT INTO "mirror_state" ("id", "updated_at") VALUES (1, CURRENT_TIMESTAMP);

-- Every public change (the version bump, at commit of the change's own
-- transaction) queues a mirror push in the outbox while the mirror is
-- configured: a push is never lost to a crash between the change and its
-- queuing. One row per version; the worker skips a version the bucket
-- already shows (lib/mirror/push-mirror.ts).
CREATE FUNCTION "candor_queue_mirror_push"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "mirror_state" WHERE "id" = 1 AND "enabled") THEN
    INSERT INTO "outbox" ("kind", "dispatch_id", "channel", "priority", "recipient", "payload")
    VALUES ('mirror-push', NEW."version"::text, 'mirror', 0, 'bucket', '{}'::jsonb)
    ON CONFLICT ("kind", "dispatch_id", "recipient") DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "public_snapshot_version_mirror_push" AFTER UPDATE OF "version" ON "public_snapshot_version" FOR EACH ROW EXECUTE FUNCTION "candor_queue_mirror_push"();
