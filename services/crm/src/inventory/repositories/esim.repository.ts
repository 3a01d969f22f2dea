// Queries on inventory.esim_profile. Take an executor (tx for writes); no business rules here.
import type { Executor, Tx } from '@bss/db';
import { NotFound } from '@bss/policy';
import { and, asc, count, eq, isNull, lte, ne } from 'drizzle-orm';
import { esimProfile, type EsimRow } from '../schema.ts';

export type EsimPatch = Partial<Omit<EsimRow, 'iccid' | 'imsi' | 'kiRef' | 'createdAt' | 'tenantId'>> & {
  updatedAt: Date;
};

export async function findEsim(ex: Executor, iccid: string): Promise<EsimRow | undefined> {
  const [row] = await ex.select().from(esimProfile).where(eq(esimProfile.iccid, iccid));
  return row;
}

export async function getEsim(ex: Executor, iccid: string): Promise<EsimRow> {
  const row = await findEsim(ex, iccid);
  if (!row) throw new NotFound('esim', iccid);
  return row;
}

export async function getEsimForUpdate(tx: Tx, iccid: string): Promise<EsimRow> {
  const [row] = await tx.select().from(esimProfile).where(eq(esimProfile.iccid, iccid)).for('update');
  if (!row) throw new NotFound('esim', iccid);
  return row;
}

export async function listEsims(
  ex: Executor,
  filter: { state?: string; offset: number; limit: number },
): Promise<{ rows: EsimRow[]; total: number }> {
  const where = filter.state ? eq(esimProfile.profileState, filter.state) : undefined;
  const rows = await ex.select().from(esimProfile).where(where).orderBy(asc(esimProfile.iccid)).offset(filter.offset).limit(filter.limit);
  const [total] = await ex.select({ n: count() }).from(esimProfile).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** Locks the lowest-ICCID available profile, skipping rows other transactions hold. */
export async function lockNextAvailableEsim(tx: Tx): Promise<EsimRow | undefined> {
  const [row] = await tx
    .select()
    .from(esimProfile)
    .where(eq(esimProfile.profileState, 'available'))
    .orderBy(asc(esimProfile.iccid))
    .limit(1)
    .for('update', { skipLocked: true });
  return row;
}

/** The live profile a number is bound to, other than `exceptIccid`, locked. */
export async function findEsimBoundToMsisdnForUpdate(tx: Tx, msisdn: string, exceptIccid?: string): Promise<EsimRow | undefined> {
  const [row] = await tx
    .select()
    .from(esimProfile)
    .where(and(eq(esimProfile.assignedMsisdn, msisdn), exceptIccid ? ne(esimProfile.iccid, exceptIccid) : undefined))
    .for('update');
  return row;
}

/**
 * Locks up to `limit` profiles reserved at or before `before` that no subscription has taken, oldest first,
 * skipping rows other transactions hold.
 */
export async function lockExpiredEsimReservations(tx: Tx, before: Date, limit: number): Promise<EsimRow[]> {
  return tx
    .select()
    .from(esimProfile)
    .where(and(eq(esimProfile.profileState, 'reserved'), isNull(esimProfile.assignedToSubscriptionId), lte(esimProfile.reservedAt, before)))
    .orderBy(asc(esimProfile.reservedAt), asc(esimProfile.iccid))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function updateEsim(tx: Tx, iccid: string, patch: EsimPatch): Promise<EsimRow> {
  const [row] = await tx.update(esimProfile).set(patch).where(eq(esimProfile.iccid, iccid)).returning();
  if (!row) throw new NotFound('esim', iccid);
  return row;
}

export type NewEsim = Pick<EsimRow, 'iccid' | 'imsi' | 'kiRef' | 'smdpServer' | 'matchingId' | 'tenantId' | 'createdAt' | 'updatedAt'>;

/** Inserts an available profile; an ICCID, IMSI or matching id already present is a unique clash (409). */
export async function insertEsim(tx: Tx, values: NewEsim): Promise<EsimRow> {
  const [row] = await tx
    .insert(esimProfile)
    .values({ ...values, profileState: 'available' })
    .returning();
  return row!;
}

export async function deleteEsim(tx: Tx, iccid: string): Promise<void> {
  await tx.delete(esimProfile).where(eq(esimProfile.iccid, iccid));
}
