// Queries over crm.party / individual / customer / contact_medium. No business rules; take the executor first.
// Lookups see only the current tenant's rows (tenant.ts); the live-email lookup is global, as its unique index is.
// A deleted customer (TMF DELETE tombstone, `deleted_at`) is invisible to every customer lookup.
import type { Executor } from '@bss/db';
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { contactMedium, customer, individual, party, type ContactMediumRow, type CustomerRow, type IndividualRow } from '../schema.ts';
import { inTenant } from './tenant.ts';

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

/** Loads the customer with its individual and mediums, or undefined. */
export async function loadCustomerView(tx: Executor, id: string): Promise<CustomerView | undefined> {
  const c = await findCustomer(tx, id);
  if (!c) return undefined;
  const ind = await findIndividual(tx, c.partyId);
  if (!ind) return undefined;
  return { customer: c, individual: ind, mediums: await listMediums(tx, [c.partyId]) };
}

/** A page of customers (status / name filters) with the total count, ordered by customer-since then id. */
export async function listCustomerViews(
  tx: Executor,
  q: { status?: string; name?: string; 'engagedParty.id'?: string; offset: number; limit: number },
): Promise<{ views: CustomerView[]; total: number }> {
  const where: SQL[] = [isNull(customer.deletedAt), inTenant(customer.tenantId)];
  if (q.status) where.push(sql`lower(${customer.status}) = lower(${q.status})`);
  const partyRef = q['engagedParty.id'];
  if (partyRef) where.push(sql`coalesce(${customer.engagedParty}->>'id', ${customer.partyId}) = ${partyRef}`);
  if (q.name) {
    const pattern = `%${q.name.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    // Matches "Ada", "Lim" and "Ada Lim" alike.
    where.push(sql`(${individual.givenName} || ' ' || ${individual.familyName}) ILIKE ${pattern}`);
  }
  const cond = and(...where);
  const base = () => tx.select().from(customer).innerJoin(individual, eq(individual.partyId, customer.partyId));
  const [totalRow] = await tx.select({ n: count() }).from(customer).innerJoin(individual, eq(individual.partyId, customer.partyId)).where(cond);
  const rows = await base().where(cond).orderBy(asc(customer.customerSince), asc(customer.id)).offset(q.offset).limit(q.limit);
  const mediums = await listMediums(tx, rows.map((r) => r.customer.partyId));
  const views = rows.map((r) => ({ customer: r.customer, individual: r.individual, mediums: mediums.filter((m) => m.partyId === r.customer.partyId) }));
  return { views, total: totalRow?.n ?? 0 };
}
