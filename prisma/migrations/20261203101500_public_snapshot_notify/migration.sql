-- The bump also notifies: instances LISTEN on candor_public_snapshot
-- (lib/public-snapshot/watch.ts) and rebuild at once instead of polling.
-- NOTIFY inside a transaction is delivered when it commits, and this
-- trigger runs at commit (deferred), once per transaction; the payload is
-- the new version.
CREATE OR REPLACE FUNCTION "candor_bump_public_snapshot"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bumped BIGINT;
BEGIN
  IF current_setting('candor.public_snapshot_bumped', true) = txid_current()::text THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('candor.public_snapshot_bumped', txid_current()::text, true);
  UPDATE "public_snapshot_version" SET "version" = "version" + 1, "changed_at" = clock_timestamp() WHERE "id" = 1
    RETURNING "version" INTO bumped;
  PERFORM pg_notify('candor_public_snapshot', bumped::text);
  RETURN NULL;
END
$$;
