// The hot customer reads (TMF629 get and list without `fields`) with the Customer JSON built by Postgres: the
// statement returns toTmfCustomer's output as the zod response schema writes it — same keys, same key order
// (schema order: stored references are rebuilt key by key, unknown keys dropped), optional attributes without
// a value omitted (json_strip_nulls: no stored value here is a JSON null), timestamps as toISOString writes
// them. customer-json.test.ts compares every shape with the mapper's output, byte for byte, so the two cannot
// drift; a change to toTmfCustomer or crm.Customer needs the same change here.
// One statement per read, named and prepared; tenant and filters are parameters, never spliced in.
import { isoSql, jsonArray, jsonStatement, type Database } from '@bss/db';
import { currentTenant } from './tenant.ts';

// JS `.trim()` of "given family": the whitespace it strips at either end (names are single-line input).
const NAME = `btrim(i.given_name || ' ' || i.family_name, E' \\t\\n\\r\\f\\v')`;

/** A stored TMF reference list as crm.TmfRef writes each entry (schema key order, only its keys). */
const refs = (list: string) => `CASE WHEN ${list} IS NULL THEN NULL ELSE coalesce((
    SELECT json_agg(json_build_object('id', r->>'id', 'href', r->>'href', 'name', r->>'name', 'description', r->>'description',
             'role', r->>'role', '@baseType', r->>'@baseType', '@schemaLocation', r->>'@schemaLocation', '@type', r->>'@type',
             '@referredType', r->>'@referredType') ORDER BY n)
    FROM jsonb_array_elements(${list}) WITH ORDINALITY AS e(r, n)), '[]'::json) END`;

const charOf = (name: string, value: string, type: string) => `json_build_object('name', '${name}', 'value', ${value}, 'valueType', '${type}')`;
const [GIVEN, FAMILY, BIRTH, KYC, SINCE] = [
  charOf('givenName', 'i.given_name', 'string'),
  charOf('familyName', 'i.family_name', 'string'),
  charOf('dateOfBirth', `to_char(i.date_of_birth, 'YYYY-MM-DD')`, 'date'),
  charOf('kycStatus', 'c.kyc_status', 'string'),
  charOf('customerSince', isoSql('c.customer_since'), 'dateTime'),
];
// The mapper's list (date of birth and customer-since only when set), one CASE arm per combination: cheaper in
// Postgres than aggregating a VALUES list per row.
const CHARACTERISTIC = `CASE
    WHEN i.date_of_birth IS NULL AND c.customer_since IS NULL THEN json_build_array(${GIVEN}, ${FAMILY}, ${KYC})
    WHEN i.date_of_birth IS NULL THEN json_build_array(${GIVEN}, ${FAMILY}, ${KYC}, ${SINCE})
    WHEN c.customer_since IS NULL THEN json_build_array(${GIVEN}, ${FAMILY}, ${BIRTH}, ${KYC})
    ELSE json_build_array(${GIVEN}, ${FAMILY}, ${BIRTH}, ${KYC}, ${SINCE}) END`;

/** The Customer of row `c` ⋈ individual `i` ($1 is the collection href prefix). */
const CUSTOMER_JSON = `json_strip_nulls(json_build_object(
  'id', c.id,
  'href', $1::text || '/' || c.id,
  'name', ${NAME},
  'status', c.status,
  'statusReason', c.status_reason,
  'engagedParty', CASE WHEN c.engaged_party IS NULL
    THEN json_build_object('id', c.party_id, 'name', ${NAME}, 'role', 'customer', '@referredType', 'Individual')
    ELSE json_build_object('id', c.engaged_party->>'id', 'href', c.engaged_party->>'href', 'name', c.engaged_party->>'name',
      'role', c.engaged_party->>'role', '@baseType', c.engaged_party->>'@baseType', '@schemaLocation', c.engaged_party->>'@schemaLocation',
      '@type', c.engaged_party->>'@type', '@referredType', c.engaged_party->>'@referredType') END,
  'contactMedium', coalesce((
    SELECT json_agg(json_build_object(
             'mediumType', m.medium_type,
             'preferred', m.is_primary,
             'characteristic', json_build_object(CASE m.medium_type WHEN 'email' THEN 'emailAddress' WHEN 'phone' THEN 'phoneNumber' ELSE 'street1' END, m.value),
             'validFor', CASE WHEN m.valid_from IS NULL THEN NULL ELSE json_build_object('startDateTime', ${isoSql('m.valid_from')}) END)
           ORDER BY m.valid_from, m.medium_type, m.is_primary DESC, m.id)
    FROM crm.contact_medium m WHERE m.party_id = c.party_id AND m.valid_to IS NULL), '[]'::json),
  'characteristic', ${CHARACTERISTIC},
  'relatedParty', ${refs(`c.tmf_refs->'relatedParty'`)},
  'account', ${refs(`c.tmf_refs->'account'`)},
  'agreement', ${refs(`c.tmf_refs->'agreement'`)},
  'validFor', CASE WHEN c.customer_since IS NULL AND c.valid_to IS NULL THEN NULL
    ELSE json_build_object('startDateTime', ${isoSql('c.customer_since')}, 'endDateTime', ${isoSql('c.valid_to')}) END,
  '@type', 'Customer'))::text`;

const FROM = 'FROM crm.customer c JOIN crm.individual i ON i.party_id = c.party_id';

const BY_ID = `SELECT ${CUSTOMER_JSON} AS body ${FROM} WHERE c.id = $2 AND c.deleted_at IS NULL AND c.tenant_id = $3`;

// The filters of listCustomerViews, each a parameter that is null (no condition) or the value; the total is the
// window count over the filtered rows (evaluated before OFFSET/LIMIT), so page and total are one snapshot.
const PAGE = `SELECT count(*) OVER ()::int AS total, ${CUSTOMER_JSON} AS body ${FROM}
  WHERE c.deleted_at IS NULL AND c.tenant_id = $2
    AND ($3::text IS NULL OR lower(c.status) = lower($3::text))
    AND ($4::text IS NULL OR coalesce(c.engaged_party->>'id', c.party_id) = $4::text)
    AND ($5::text IS NULL OR (i.given_name || ' ' || i.family_name) ILIKE $5::text)
  ORDER BY c.customer_since, c.id OFFSET $6 LIMIT $7`;

const COUNT = `SELECT count(*)::int AS total ${FROM}
  WHERE c.deleted_at IS NULL AND c.tenant_id = $1
    AND ($2::text IS NULL OR lower(c.status) = lower($2::text))
    AND ($3::text IS NULL OR coalesce(c.engaged_party->>'id', c.party_id) = $3::text)
    AND ($4::text IS NULL OR (i.given_name || ' ' || i.family_name) ILIKE $4::text)`;

export interface CustomerJsonReads {
  /** The Customer JSON, or undefined (unknown, deleted or another tenant's). */
  get(id: string): Promise<string | undefined>;
  /** A page as a JSON array, with the filtered total. */
  list(q: { status?: string; name?: string; 'engagedParty.id'?: string; offset: number; limit: number }): Promise<{ body: string; returned: number; total: number }>;
}

/** The JSON reads over `database`, hrefs under `collectionHref` (public base URL + CUSTOMER_PATH). */
export function customerJsonReads(database: Database, collectionHref: string): CustomerJsonReads {
  const byId = jsonStatement(database.pool, 'crm_customer_json', BY_ID);
  const page = jsonStatement(database.pool, 'crm_customer_page_json', PAGE);
  const count = jsonStatement(database.pool, 'crm_customer_count_json', COUNT);
  return {
    async get(id) {
      return (await byId([collectionHref, id, currentTenant()]))[0]?.body;
    },
    async list(q) {
      const filter = [
        currentTenant(),
        q.status || null,
        q['engagedParty.id'] || null,
        q.name ? `%${q.name.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null,
      ];
      const rows = await page([collectionHref, ...filter, q.offset, q.limit]);
      // A page past the end has no row to carry the window count; only then is a second statement needed.
      const total = rows[0] ? rows[0].total! : q.offset === 0 ? 0 : ((await count(filter))[0]?.total ?? 0);
      return { body: jsonArray(rows), returned: rows.length, total };
    },
  };
}
