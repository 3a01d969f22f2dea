-- TMF620 write front door. lastUpdate on every TMF resource (set by the write path from the scenario clock;
-- existing rows take their creation time), name / description / lifecycle on prices, descriptions on
-- offerings, prices not (yet) attached to an offering (TMF's ProductOfferingPrice has no offering pointer:
-- the offering lists its prices), and the mark that guards deletes of anything that may have been sold.
-- is_bundle goes: no offering bundles other offerings, so isBundle is false by construction, not stored.

ALTER TABLE catalog.product_offering ADD COLUMN last_update timestamptz;
UPDATE catalog.product_offering SET last_update = created_at;
ALTER TABLE catalog.product_offering ALTER COLUMN last_update SET NOT NULL;
ALTER TABLE catalog.product_offering ADD COLUMN description text;
-- Set once the offering is stored sellable and never cleared: orders may reference it from then on. Rows of
-- unknown history (written without saying) count as sold: the safe side for a delete guard.
ALTER TABLE catalog.product_offering ADD COLUMN was_sellable boolean NOT NULL DEFAULT true;
ALTER TABLE catalog.product_offering DROP COLUMN is_bundle;

ALTER TABLE catalog.product_offering_price ADD COLUMN name text;
ALTER TABLE catalog.product_offering_price ADD COLUMN description text;
ALTER TABLE catalog.product_offering_price ADD COLUMN lifecycle_status text;
ALTER TABLE catalog.product_offering_price ADD COLUMN last_update timestamptz;
UPDATE catalog.product_offering_price p
   SET name = COALESCE(o.name, p.id) || ' monthly', lifecycle_status = 'active', last_update = p.created_at
  FROM catalog.product_offering o
 WHERE o.id = p.offering_id;
ALTER TABLE catalog.product_offering_price ALTER COLUMN name SET NOT NULL;
ALTER TABLE catalog.product_offering_price ALTER COLUMN lifecycle_status SET NOT NULL;
ALTER TABLE catalog.product_offering_price ALTER COLUMN last_update SET NOT NULL;
ALTER TABLE catalog.product_offering_price ALTER COLUMN offering_id DROP NOT NULL;
ALTER TABLE catalog.product_offering_price
  ADD CONSTRAINT ck_product_offering_price_lifecycle_status CHECK (lifecycle_status IN ('active', 'retired'));

ALTER TABLE catalog.product_specification ADD COLUMN last_update timestamptz;
UPDATE catalog.product_specification SET last_update = created_at;
ALTER TABLE catalog.product_specification ALTER COLUMN last_update SET NOT NULL;
