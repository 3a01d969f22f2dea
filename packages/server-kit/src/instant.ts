// A bounded ISO-8601 instant for query and body fields: years 1900–9999 in UTC, so a hostile value such as
// `0000-01-01T00:00:00Z` (which Postgres refuses) is a 400 naming the field, never a 500 from the database.
// Mirrors `Instant` of the shared contracts limits (being added there); switch to it once it lands.
import { z } from 'zod';

const YEAR_MIN = 1900;
const YEAR_MAX = 9999;

/** An ISO-8601 instant with an offset, in years 1900–9999 (in UTC). */
export const BoundedInstant = z.iso
  .datetime({ offset: true })
  .max(40)
  .refine((s) => {
    const ms = Date.parse(s);
    const y = new Date(ms).getUTCFullYear();
    return Number.isFinite(ms) && y >= YEAR_MIN && y <= YEAR_MAX;
  }, `year must be between ${YEAR_MIN} and ${YEAR_MAX}`);
