-- CreateEnum
CREATE TYPE "PostmortemState" AS ENUM ('draft', 'in_review', 'published');

-- AlterTable
ALTER TABLE "page_settings" ADD COLUMN     "require_postmortem_approval" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "postmortems" (
    "id" TEXT NOT NULL,
    "incident_id" TEXT NOT NULL,
    "state" "PostmortemState" NOT NULL DEFAULT 'draft',
    "current_revision" INTEGER NOT NULL DEFAULT 1,
    "published_revision" INTEGER,
    "published_at" TIMESTAMPTZ(3),
    "first_published_at" TIMESTAMPTZ(3),
    "submitted_by_id" TEXT,
    "approved_revision" INTEGER,
    "approved_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "postmortems_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "postmortem_revisions" (
    "id" TEXT NOT NULL,
    "postmortem_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "sections" JSONB NOT NULL,
    "action_items" JSONB NOT NULL,
    "note" VARCHAR(200),
    "author_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "postmortem_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "postmortems_incident_id_key" ON "postmortems"("incident_id");

-- CreateIndex
CREATE UNIQUE INDEX "postmortem_revisions_postmortem_id_number_key" ON "postmortem_revisions"("postmortem_id", "number");

-- AddForeignKey
ALTER TABLE "postmortems" ADD CONSTRAINT "postmortems_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "postmortems" ADD CONSTRAINT "postmortems_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "postmortems" ADD CONSTRAINT "postmortems_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "postmortem_revisions" ADD CONSTRAINT "postmortem_revisions_postmortem_id_fkey" FOREIGN KEY ("postmortem_id") REFERENCES "postmortems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "postmortem_revisions" ADD CONSTRAINT "postmortem_revisions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The public reads only the published revision: saving a draft (every few
-- seconds while someone types) must not rebuild the public snapshot.
CREATE CONSTRAINT TRIGGER "postmortems_public_snapshot_insert_delete" AFTER INSERT OR DELETE ON "postmortems" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "candor_bump_public_snapshot"();
CREATE CONSTRAINT TRIGGER "postmortems_public_snapshot_update" AFTER UPDATE ON "postmortems" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD."published_revision" IS DISTINCT FROM NEW."published_revision" OR OLD."published_at" IS DISTINCT FROM NEW."published_at")
  EXECUTE FUNCTION "candor_bump_public_snapshot"();
