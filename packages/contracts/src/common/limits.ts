// Input building blocks with the limits every request field shares, so an id is 64 characters wherever it
// appears and the limits show up in OpenAPI as maxLength / maxItems / maxProperties. Response shapes do not
// use them: a limit on output could only turn a stored value into a 500.
import { z } from 'zod';

/** Field lengths (characters) and list sizes accepted on input. */
export const LIMITS = {
  id: 64,
  code: 40,
  name: 200,
  line: 500,
  text: 20_000,
  email: 320,
  characteristicName: 64,
  characteristicValue: 2_000,
  items: 50,
} as const;

/** A string of at most `max` characters. */
export const Text = (max: number) => z.string().max(max);

/** A non-empty id of at most 64 characters (shape is checked by the owning service). */
export const Id = z.string().min(1).max(LIMITS.id);

/**
 * Years an input date or instant may name: four digits without a leading zero. Postgres refuses year 0 and a
 * negative year means BC; past 9999 ISO-8601 needs six digits, which no response schema accepts.
 */
export const YEAR_MIN = 1000;
export const YEAR_MAX = 9999;
const yearInRange = (ms: number) => {
  const y = new Date(ms).getUTCFullYear();
  return Number.isFinite(ms) && y >= YEAR_MIN && y <= YEAR_MAX;
};
const YEARS = `year must be between ${YEAR_MIN} and ${YEAR_MAX}`;

/** An ISO-8601 instant with an offset, in years 1000–9999 (in UTC). */
export const Instant = z.iso
  .datetime({ offset: true })
  .max(40)
  .refine((s) => yearInRange(Date.parse(s)), YEARS);

/** An ISO-8601 calendar date (YYYY-MM-DD), in years 1000–9999. */
export const IsoDate = z.iso
  .date()
  .max(10)
  .refine((s) => yearInRange(Date.parse(`${s}T00:00:00Z`)), YEARS);

/** A JSON scalar as a characteristic or extension value may hold it (strings bounded). */
export const ScalarValue = z.union([z.string().max(LIMITS.characteristicValue), z.number(), z.boolean(), z.null()]);

/**
 * A free-form value (TMF `Characteristic.value` is "any"): a scalar, a list of scalars or one flat object of
 * scalars. Nothing nests further, so a value cannot smuggle a deep or huge document into a jsonb column.
 */
export const BoundedJsonValue = z.union([
  ScalarValue,
  z.array(ScalarValue).max(LIMITS.items),
  z
    .record(z.string().max(LIMITS.characteristicName), ScalarValue)
    .refine((o) => Object.keys(o).length <= LIMITS.items, `at most ${LIMITS.items} properties`)
    .meta({ maxProperties: LIMITS.items }),
]);
