-- Rating schema: rating stores nothing of its own (a rating is a pure function of the usage and the offering);
-- the schema exists for the platform tables templated into it: the outbox it stages usage.rated in and the
-- inbox its `rating.usage.recorded` consumer dedupes redeliveries with.
COMMENT ON SCHEMA rating IS 'rating: outbox and inbox only (usage.rated / usage.rating_rejected)';
