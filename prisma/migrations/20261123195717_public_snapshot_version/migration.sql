-- CreateTable
CREATE TABLE "public_snapshot_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 1,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "public_snapshot_version_pkey" PRIMARY KEY ("id")
);

INSERT INTO "public_snapshot_version" ("id", "version") VALUES (1, 1);

-- Runs at commit (deferred), once per transaction: the version row is locked
-- only for the instant before commit, after every other lock the transaction
-- took, so it cannot take part in a deadlock, and readers see the new version
-- together with the data that caused it.
CREATE FUNCTION "candor_bump_public_snapshot"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('candor.public_snapshot_bumped', true) = txid_current()::text THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('candor.public_snapshot_bumped', txid_current()::text, true);
  UPDATE "public_snapshot_version" SET "version" = "version" + 1, "changed_at" = clock_timestamp() WHERE "id" = 1;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "page_settings_public_snapshot" AFTER INSERT OR UPDATE OR DELETE ON "page_settings" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "candor_bump_public_snapshot"();
CREATE CONSTRAINT TRIGGER "component_groups_public_snapshot" AFTER INSERT OR UPDATE OR DELETE ON "component_groups" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "candor_bump_public_snapshot"();
CREATE CONSTRAINT TRIGGER "components_public_snapshot" AFTER INSERT OR UPDATE OR DELETE ON "components" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "candor_bump_public_snapshot"();
CREATE CONSTRAINT TRIGGER "component_status_intervals_public_snapshot" AFTER INSERT OR UPDATE OR DELETE ON "component_status_intervals" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "candor_bump_public_snapshot"();
CREATE CONSTRAINT TRIGGER "incidents_public_snapshot" AFTER INSERT OR UPDATE OR DELETE ON "incidents" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "candor_bump_public_snapshot"();
CREATE CONSTRAINT TRIGGER "incident_components_public_snapshot" AFTER INSERT OR UPDATE OR DELETE ON "incident_components" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "candor_bump_public_snapshot"();
CREATE CONSTRAINT TRIGGER "incident_updates_public_snapshot" AFTER INSERT OR UPDATE OR DELETE ON "incident_updates" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "candor_bump_public_snapshot"();
CREATE CONSTRAINT TRIGGER "banner_versions_public_snapshot" AFTER INSERT OR UPDATE OR DELETE ON "banner_versions" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "candor_bump_public_snapshot"();
