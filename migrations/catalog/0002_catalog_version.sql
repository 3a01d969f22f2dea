-- Catalog version stamp: readers cache the whole catalog in process and revalidate with one cheap query.
-- Statement triggers bump it inside the writer's transaction, so it commits exactly with the rows it covers.
CREATE TABLE catalog.catalog_version (
  id      boolean NOT NULL DEFAULT true,
  version bigint  NOT NULL,
  CONSTRAINT pk_catalog_version PRIMARY KEY (id),
  CONSTRAINT ck_catalog_version_single_row CHECK (id)
);
INSERT INTO catalog.catalog_version (id, version) VALUES (true, 1);

CREATE FUNCTION catalog.bump_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalog.catalog_version SET version = version + 1 WHERE id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER tg_product_specification_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog.product_specification
  FOR EACH STATEMENT EXECUTE FUNCTION catalog.bump_catalog_version();
CREATE TRIGGER tg_product_offering_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog.product_offering
  FOR EACH STATEMENT EXECUTE FUNCTION catalog.bump_catalog_version();
CREATE TRIGGER tg_product_offering_price_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog.product_offering_price
  FOR EACH STATEMENT EXECUTE FUNCTION catalog.bump_catalog_version();
CREATE TRIGGER tg_bundle_allowance_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog.bundle_allowance
  FOR EACH STATEMENT EXECUTE FUNCTION catalog.bump_catalog_version();
CREATE TRIGGER tg_vas_offering_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog.vas_offering
  FOR EACH STATEMENT EXECUTE FUNCTION catalog.bump_catalog_version();
