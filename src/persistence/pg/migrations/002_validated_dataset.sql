-- The schema fingerprint the head row's data was validated against when the bot wrote it, so a replica can start
-- without validating 100,000 figures again. Any other write to the data clears it.
ALTER TABLE dataset_head ADD COLUMN validated_schema text;

CREATE FUNCTION dataset_head_unvalidate() RETURNS trigger AS $$
BEGIN
  IF NEW.data IS DISTINCT FROM OLD.data AND NEW.validated_schema IS NOT DISTINCT FROM OLD.validated_schema THEN
    NEW.validated_schema := NULL;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER dataset_head_unvalidate BEFORE UPDATE ON dataset_head
  FOR EACH ROW EXECUTE FUNCTION dataset_head_unvalidate();
