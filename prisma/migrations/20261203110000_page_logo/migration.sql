-- CreateTable
CREATE TABLE "page_logos" (
    "variant" VARCHAR(8) NOT NULL,
    "content_type" VARCHAR(32) NOT NULL,
    "data" BYTEA NOT NULL,
    "hash" VARCHAR(16) NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "page_logos_pkey" PRIMARY KEY ("variant")
);

ALTER TABLE "page_logos" ADD CONSTRAINT "page_logos_variant_check" CHECK ("variant" IN ('light', 'dark'));

-- The public pages link the logo by its hash: a new or removed logo is a new snapshot.
CREATE CONSTRAINT TRIGGER "page_logos_public_snapshot" AFTER INSERT OR UPDATE OR DELETE ON "page_logos" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "candor_bump_public_snapshot"();
