-- CreateEnum
CREATE TYPE "IncidentKind" AS ENUM ('incident', 'maintenance');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "IncidentStatus" ADD VALUE 'scheduled';
ALTER TYPE "IncidentStatus" ADD VALUE 'in_progress';
ALTER TYPE "IncidentStatus" ADD VALUE 'verifying';
ALTER TYPE "IncidentStatus" ADD VALUE 'completed';

-- AlterTable
ALTER TABLE "incident_components" ADD COLUMN     "status" "ComponentStatus" NOT NULL DEFAULT 'major_outage';

-- AlterTable
ALTER TABLE "incident_updates" ADD COLUMN     "author_id" TEXT,
ADD COLUMN     "component_changes" JSONB,
ADD COLUMN     "edited_at" TIMESTAMPTZ(3),
ADD COLUMN     "is_internal" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "status" DROP NOT NULL;

-- AlterTable
ALTER TABLE "incidents" ADD COLUMN     "kind" "IncidentKind" NOT NULL DEFAULT 'incident',
ADD COLUMN     "scheduled_end" TIMESTAMPTZ(3),
ADD COLUMN     "scheduled_start" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "incident_templates" (
    "id" TEXT NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "status" "IncidentStatus" NOT NULL,
    "message" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "incident_templates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "incident_updates_author_id_idx" ON "incident_updates"("author_id");

-- CreateIndex
CREATE INDEX "incidents_kind_scheduled_start_idx" ON "incidents"("kind", "scheduled_start");

-- AddForeignKey
ALTER TABLE "incident_updates" ADD CONSTRAINT "incident_updates_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
