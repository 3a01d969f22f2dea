-- Indexes for reading and pruning {{schema}}'s event tables by time. (occurred_at, id) is the audit API's
-- keyset order and serves occurredSince/Until, time-range republishing and outbox retention as range scans
-- (without it each of those sorts or scans the whole trail). The inbox index lets retention find old rows
-- without a sequential scan of every consumer's history.
CREATE INDEX outbox_time_idx ON {{schema}}.outbox (occurred_at, id);
CREATE INDEX inbox_processed_idx ON {{schema}}.inbox (processed_at);
