-- CreateEnum
CREATE TYPE "BannerSeverity" AS ENUM ('info', 'warning', 'critical');

-- CreateTable
CREATE TABLE "banner_versions" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "is_cleared" BOOLEAN NOT NULL DEFAULT false,
    "message" VARCHAR(500),
    "severity" "BannerSeverity",
    "link_url" VARCHAR(500),
    "link_label" VARCHAR(80),
    "starts_at" TIMESTAMPTZ(3),
    "ends_at" TIMESTAMPTZ(3),
    "incident_id" TEXT,
    "author_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "banner_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "banner_versions_version_key" ON "banner_versions"("version");

-- CreateIndex
CREATE INDEX "banner_versions_incident_id_idx" ON "banner_versions"("incident_id");

-- CreateIndex
CREATE INDEX "banner_versions_author_id_idx" ON "banner_versions"("author_id");

-- AddForeignKey
ALTER TABLE "banner_versions" ADD CONSTRAINT "banner_versions_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "banner_versions" ADD CONSTRAINT "banner_versions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
