// Queries over crm.party / individual / customer / contact_medium. No business rules; take the executor first.
// Lookups see only the current tenant's rows (tenant.ts); the live-email lookup is global, as its unique index is.
// A deleted customer (TMF DELETE tombstone, `deleted_at`) is invisible to every customer lookup.
import { preparedOn, rowFromJson, type Executor } from '@bss/db';
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { contactMedium, customer, individual, party, type ContactMediumRow, type CustomerRow, type IndividualRow } from '../schema.ts';
import { currentTenant, inTenant } from './tenant.ts';

/** A customer with its individual and contact mediums (live and ended). */
export interface CustomerView {
  customer: CustomerRow;
  individual: IndividualRow;
  mediums: ContactMediumRow[];
}

export async function insertParty(tx: Executor, row: typeof party.$inferInsert): Promise<void> {
  await tx.insert(party).values(row);
}

export async function insertIndividual(tx: Executor, row: typeof individual.$inferInsert): Promise<void> {
  await tx.insert(individual).values(row);
}

export async function insertCustomer(tx: Executor, row: typeof customer.$inferInsert): Promise<CustomerRow> {
  const [created] = await tx.insert(customer).values(row).returning();
  return created!;
}

export async function insertMedium(tx: Executor, row: typeof contactMedium.$inferInsert): Promise<ContactMediumRow> {
  const [created] = await tx.insert(contactMedium).values(row).returning();
  return created!;
}

export async function findCustomer(tx: Executor, id: string): Promise<CustomerRow | undefined> {
  const [row] = await tx.select().from(customer).where(and(eq(customer.id, id), isNull(customer.deletedAt), inTenant(customer.tenantId)));
  return row;
}

/** Locks the customer row for the rest of the transaction (serialises concurrent writes to one customer). */
export async function findCustomerForUpdate(tx: Executor, id: string): Promise<CustomerRow | undefined> {
  const [row] = await tx.select().from(customer).where(and(eq(customer.id, id), isNull(customer.deletedAt), inTenant(customer.tenantId))).for('update');
  return row;
}

export async function findIndividual(tx: Executor, partyId: string): Promise<IndividualRow | undefined> {
  const [row] = await tx.select().from(individual).where(eq(individual.partyId, partyId));
  return row;
}

export async function listMediums(tx: Executor, partyIds: string[]): Promise<ContactMediumRow[]> {
  if (partyIds.length === 0) return [];
  return tx.select().from(contactMedium).where(inArray(contactMedium.partyId, partyIds)).orderBy(asc(contactMedium.validFrom), asc(contactMedium.mediumType), desc(contactMedium.isPrimary), asc(contactMedium.id));
}

export async function findMedium(tx: Executor, id: string): Promise<ContactMediumRow | undefined> {
  const [row] = await tx.select().from(contactMedium).where(and(eq(contactMedium.id, id), inTenant(contactMedium.tenantId)));
  return row;
}

/** The live email medium with this address (case-insensitive), if any. */
export async function findLiveEmail(tx: Executor, email: string): Promise<ContactMediumRow | undefined> {
  const [row] = await tx
    .select()
    .from(contactMedium)
    .where(and(eq(contactMedium.mediumType, 'email'), isNull(contactMedium.validTo), sql`lower(${contactMedium.value}) = lower(${email})`));
  return row;
}

export async function findCustomerByParty(tx: Executor, partyId: string): Promise<CustomerRow | undefined> {
  const [row] = await tx.select().from(customer).where(and(eq(customer.partyId, partyId), isNull(customer.deletedAt), inTenant(customer.tenantId)));
  return row;
}

export async function updateCustomer(tx: Executor, id: string, patch: Partial<typeof customer.$inferInsert>): Promise<CustomerRow> {
  const [row] = await tx.update(customer).set({ ...patch, updatedAt: sql`now()` }).where(eq(customer.id, id)).returning();
  return row!;
}

export async function updateIndividual(tx: Executor, partyId: string, patch: Partial<typeof individual.$inferInsert>): Promise<void> {
  await tx.update(individual).set({ ...patch, updatedAt: sql`now()` }).where(eq(individual.partyId, partyId));
}

export async function updateMedium(tx: Executor, id: string, patch: Partial<typeof contactMedium.$inferInsert>): Promise<ContactMediumRow> {
  const [row] = await tx.update(contactMedium).set({ ...patch, updatedAt: sql`now()` }).where(eq(contactMedium.id, id)).returning();
  return row!;
}

/** Clears the primary flag on the party's other live mediums of `type`. */
export async function clearPrimary(tx: Executor, partyId: string, type: string, exceptId: string): Promise<void> {
  await tx
    .update(contactMedium)
    .set({ isPrimary: false, updatedAt: sql`now()` })
    .where(and(eq(contactMedium.partyId, partyId), eq(contactMedium.mediumType, type as 'email'), isNull(contactMedium.validTo), sql`${contactMedium.id} <> ${exceptId}`));
}

/** Ends every live medium of the party at `at` (a deleted customer frees its email addresses). */
export async function endLiveMediums(tx: Executor, partyId: string, at: Date): Promise<void> {
  await tx.update(contactMedium).set({ validTo: at, updatedAt: sql`now()` }).where(and(eq(contactMedium.partyId, partyId), isNull(contactMedium.validTo)));
}

// The reads below are one round trip each: customer ⋈ individual with the party's contact mediums aggregated in
// the same statement (json_agg, in listMediums' order), and for a page the filtered total as a window count.
// They are named prepared statements (preparedOn): tenant and filters are parameters, never spliced in.
const mediumsOfParty = sql<Record<string, unknown>[]>`coalesce((
  SELECT json_agg(m ORDER BY m.valid_from, m.medium_type, m.is_primary DESC, m.id)
  FROM crm.contact_medium m WHERE m.party_id = ${customer.partyId}), '[]'::json)`;
const toView = (r: { customer: CustomerRow; individual: IndividualRow; mediums: Record<string, unknown>[] }): CustomerView => ({
  customer: r.customer,
  individual: r.individual,
  mediums: r.mediums.map((m) => rowFromJson(contactMedium, m)),
});

const customerViewById = preparedOn((ex) =>
  ex
    .select({ customer, individual, mediums: mediumsOfParty })
    .from(customer)
    .innerJoin(individual, eq(individual.partyId, customer.partyId))
    .where(and(eq(customer.id, sql.placeholder('id')), isNull(customer.deletedAt), eq(customer.tenantId, sql.placeholder('tenant'))))
    .prepare('crm_customer_view'),
);

/** Loads the customer with its individual and mediums, or undefined. */
export async function loadCustomerView(tx: Executor, id: string): Promise<CustomerView | undefined> {
  const [row] = await customerViewById(tx).execute({ id, tenant: currentTenant() });
  return row && toView(row);
}

// Every filter is a parameter that is either null (no condition) or the value, so one statement serves them all.
const param = (name: string) => sql`${sql.placeholder(name)}::text`;
const pageFilter = and(
  isNull(customer.deletedAt),
  eq(customer.tenantId, sql.placeholder('tenant')),
  sql`(${param('status')} IS NULL OR lower(${customer.status}) = lower(${param('status')}))`,
  sql`(${param('party')} IS NULL OR coalesce(${customer.engagedParty}->>'id', ${customer.partyId}) = ${param('party')})`,
  // Matches "Ada", "Lim" and "Ada Lim" alike.
  sql`(${param('name')} IS NULL OR (${individual.givenName} || ' ' || ${individual.familyName}) ILIKE ${param('name')})`,
);

const customerPage = preparedOn((ex) =>
  ex
    .select({ customer, individual, mediums: mediumsOfParty, total: sql<number>`count(*) OVER ()`.mapWith(Number) })
    .from(customer)
    .innerJoin(individual, eq(individual.partyId, customer.partyId))
    .where(pageFilter)
    .orderBy(asc(customer.customerSince), asc(customer.id))
    .offset(sql.placeholder('offset'))
    .limit(sql.placeholder('limit'))
    .prepare('crm_customer_page'),
);

const customerCount = preparedOn((ex) => ex.select({ n: count() }).from(customer).innerJoin(individual, eq(individual.partyId, customer.partyId)).where(pageFilter).prepare('crm_customer_count'));

/** A page of customers (status / name filters) with the total count, ordered by customer-since then id. */
export async function listCustomerViews(
  tx: Executor,
  q: { status?: string; name?: string; 'engagedParty.id'?: string; offset: number; limit: number },
): Promise<{ views: CustomerView[]; total: number }> {
  const filter = {
    tenant: currentTenant(),
    status: q.status || null,
    party: q['engagedParty.id'] || null,
    name: q.name ? `%${q.name.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null,
  };
  const rows = await customerPage(tx).execute({ ...filter, offset: q.offset, limit: q.limit });
  // A page past the end has no row to carry the window count; only then is a second statement needed.
  const total = rows[0] ? rows[0].total : q.offset === 0 ? 0 : ((await customerCount(tx).execute(filter))[0]?.n ?? 0);
  return { views: rows.map(toView), total };
}
