-- The relay's work queue of {{schema}}, apart from the audit trail. Publishing used to stamp published_at on the
-- outbox row, and the partial index that found unpublished rows (WHERE published_at IS NULL) named that column,
-- so every stamp was a non-HOT update: a new row version plus a new entry in each of the outbox's seven other
-- indexes, and the dead entries of the partial index were walked by every claim until vacuum came (≈ 760 buffer
-- reads per claim at 1,000 events/s). Now an unpublished row also has a row here (id only); the relay claims in
-- id order from this table and, in one statement, deletes the claimed ids and stamps the outbox rows. No index
-- names published_at, publish_attempts or last_publish_error any more, so the stamp is a HOT update when the page
-- has room (fillfactor below), and the claim walks a narrow table that vacuum keeps small.
-- Every insert into the outbox is queued by the statement trigger below, whoever writes it; a republish
-- (replay.ts) queues its rows again in the statement that clears their stamp; a TRUNCATE of the outbox (a reset,
-- RESTART IDENTITY included) empties the queue with it, so no stale id can point at a later row. A queued id whose
-- row was deleted is dequeued by the relay's next claim.
CREATE TABLE {{schema}}.outbox_pending (id bigint PRIMARY KEY) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000);
INSERT INTO {{schema}}.outbox_pending (id) SELECT id FROM {{schema}}.outbox WHERE published_at IS NULL;
DROP INDEX {{schema}}.outbox_unpublished_idx;
-- Room on each page for the stamped version of its rows (new pages only; existing pages keep theirs).
ALTER TABLE {{schema}}.outbox SET (fillfactor = 50);

CREATE FUNCTION {{schema}}.outbox_queue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO {{schema}}.outbox_pending (id) SELECT id FROM staged WHERE published_at IS NULL ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER outbox_queue AFTER INSERT ON {{schema}}.outbox REFERENCING NEW TABLE AS staged
  FOR EACH STATEMENT EXECUTE FUNCTION {{schema}}.outbox_queue();

CREATE FUNCTION {{schema}}.outbox_queue_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE {{schema}}.outbox_pending;
  RETURN NULL;
END $$;
CREATE TRIGGER outbox_queue_truncate AFTER TRUNCATE ON {{schema}}.outbox
  FOR EACH STATEMENT EXECUTE FUNCTION {{schema}}.outbox_queue_truncate();
