// Row locks and balance writes of the lifecycle use-cases (usage, top-up, renewal, termination). Lock order is
// always the subscription row first, then its balance rows: every writer of a line serialises on the
// subscription row, so a decrement, a top-up, a renewal and a termination of one line never interleave.
import { columnArrays, statement, type Tx } from '@bss/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { bundleBalance, subscription, usageConsumption, type BundleBalanceRow, type SubscriptionRow } from '../schema.ts';
import { currentTenant, inTenant } from './tenant.ts';

type AllowanceType = BundleBalanceRow['allowanceType'];

/** `SELECT … FOR UPDATE` the subscription (tenant-filtered); undefined when it does not exist here. */
export async function lockSubscription(tx: Tx, id: string): Promise<SubscriptionRow | undefined> {
  const [row] = await tx.select().from(subscription).where(and(eq(subscription.id, id), inTenant(subscription.tenantId))).for('update');
  return row;
}

/** `SELECT … FOR UPDATE` several subscriptions (tenant-filtered) in one statement, locked in id order. */
export async function lockSubscriptions(tx: Tx, ids: string[]): Promise<SubscriptionRow[]> {
  if (ids.length === 0) return [];
  return tx.select().from(subscription).where(and(inArray(subscription.id, ids), inTenant(subscription.tenantId))).orderBy(asc(subscription.id)).for('update');
}

/** The balance rows of several locked subscriptions, locked too (in key order). */
export function lockBalancesOf(tx: Tx, subscriptionIds: string[]): Promise<BundleBalanceRow[]> {
  if (subscriptionIds.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(bundleBalance)
    .where(inArray(bundleBalance.subscriptionId, subscriptionIds))
    .orderBy(asc(bundleBalance.subscriptionId), asc(bundleBalance.allowanceType))
    .for('update');
}

/** Writes several balances' consumed levels in one statement (rows the caller has locked). */
export async function setConsumedMany(tx: Tx, levels: { subscriptionId: string; allowanceType: AllowanceType; consumed: number }[], now: Date): Promise<void> {
  if (levels.length === 0) return;
  const values = sql.join(
    levels.map((l) => sql`(${l.subscriptionId}, ${l.allowanceType}, ${l.consumed}::bigint)`),
    sql`, `,
  );
  await tx.execute(sql`
    UPDATE subscription.bundle_balance AS b SET consumed = v.consumed, updated_at = ${now}
    FROM (VALUES ${values}) AS v(subscription_id, allowance_type, consumed)
    WHERE b.subscription_id = v.subscription_id AND b.allowance_type = v.allowance_type`);
}

/** The balance rows of a locked subscription, locked too. */
export function lockBalances(tx: Tx, subscriptionId: string): Promise<BundleBalanceRow[]> {
  return tx.select().from(bundleBalance).where(eq(bundleBalance.subscriptionId, subscriptionId)).for('update');
}

export async function lockBalance(tx: Tx, subscriptionId: string, type: AllowanceType): Promise<BundleBalanceRow | undefined> {
  const [row] = await tx
    .select()
    .from(bundleBalance)
    .where(and(eq(bundleBalance.subscriptionId, subscriptionId), eq(bundleBalance.allowanceType, type)))
    .for('update');
  return row;
}

export async function setConsumed(tx: Tx, subscriptionId: string, type: AllowanceType, consumed: number, now: Date): Promise<void> {
  await tx
    .update(bundleBalance)
    .set({ consumed, updatedAt: now })
    .where(and(eq(bundleBalance.subscriptionId, subscriptionId), eq(bundleBalance.allowanceType, type)));
}

export async function setBalance(
  tx: Tx,
  subscriptionId: string,
  type: AllowanceType,
  values: Partial<Pick<BundleBalanceRow, 'total' | 'consumed' | 'unit' | 'periodStart' | 'periodEnd' | 'unlimitedUntil'>>,
  now: Date,
): Promise<void> {
  await tx
    .update(bundleBalance)
    .set({ ...values, updatedAt: now })
    .where(and(eq(bundleBalance.subscriptionId, subscriptionId), eq(bundleBalance.allowanceType, type)));
}

// The usage path's two statements over usage_consumption as named prepared statements over arrays (@bss/db
// statement.ts): one text for any batch size, parsed once per connection, no query builder per batch.
const findRecorded = statement<{ usage_event_id: string }>(
  'subscription_consumption_find_many',
  // One index probe per id, forced: with `= ANY($2)` the generic plan Postgres settles on after five executions
  // scanned the tenant's whole key range, and with a plain join on the unnested ids it hashed the whole table
  // (3,800 buffers a call at 30,000 rows); a LATERAL subquery with LIMIT cannot be flattened into either.
  `SELECT c.usage_event_id FROM unnest($2::text[]) AS u(id)
   CROSS JOIN LATERAL (
     SELECT usage_event_id FROM subscription.usage_consumption WHERE tenant_id = $1 AND usage_event_id = u.id LIMIT 1) c`,
);
const insertRecorded = statement(
  'subscription_consumption_insert_many',
  `INSERT INTO subscription.usage_consumption (tenant_id, usage_event_id, subscription_id, allowance_type, requested_quantity,
     applied_quantity, overage_quantity, outcome, reason, line_state, event_time, recorded_at)
   SELECT $1, u, s, a, rq, ap, ov, o, r, l, t, ra
   FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[], $8::text[], $9::text[], $10::text[],
               $11::timestamptz[], $12::timestamptz[]) WITH ORDINALITY AS x(u, s, a, rq, ap, ov, o, r, l, t, ra, n)
   ORDER BY n
   ON CONFLICT DO NOTHING`,
);

/** Which of `usageEventIds` have been recorded already (this tenant). */
export async function findConsumptions(tx: Tx, usageEventIds: string[]): Promise<Set<string>> {
  if (usageEventIds.length === 0) return new Set();
  const { rows } = await findRecorded(tx, [currentTenant(), usageEventIds]);
  return new Set(rows.map((r) => r.usage_event_id));
}

export type NewConsumption = Omit<typeof usageConsumption.$inferInsert, 'tenantId'>;

/** Records what became of several usage records in one statement; returns how many rows were new. */
export async function insertConsumptions(tx: Tx, values: NewConsumption[]): Promise<number> {
  if (values.length === 0) return 0;
  const keys = ['usageEventId', 'subscriptionId', 'allowanceType', 'requestedQuantity', 'appliedQuantity', 'overageQuantity', 'outcome', 'reason', 'lineState', 'eventTime', 'recordedAt'] as const;
  const result = await insertRecorded(tx, [currentTenant(), ...columnArrays(values, keys)]);
  return result.rowCount ?? 0;
}

/** Sum of applied and overage per allowance type of a line (the audit view of its usage). */
export async function consumptionTotals(tx: Tx, subscriptionId: string) {
  return tx
    .select({
      allowanceType: usageConsumption.allowanceType,
      applied: sql<string>`sum(${usageConsumption.appliedQuantity})`,
      overage: sql<string>`sum(${usageConsumption.overageQuantity})`,
    })
    .from(usageConsumption)
    .where(eq(usageConsumption.subscriptionId, subscriptionId))
    .groupBy(usageConsumption.allowanceType);
}

/**
 * A new period's balances: the plan's types get their allowance afresh; any other row (a type a top-up created,
 * or one the previous plan had) is zeroed. Day passes end. Runs on a locked line.
 */
export async function resetBalances(
  tx: Tx,
  subscriptionId: string,
  plan: { allowanceType: AllowanceType; total: number; unit: string }[],
  period: { start: Date; end: Date },
  now: Date,
): Promise<void> {
  const existing = await lockBalances(tx, subscriptionId);
  const planned = new Map(plan.map((a) => [a.allowanceType, a]));
  for (const row of existing) {
    const a = planned.get(row.allowanceType);
    await setBalance(tx, subscriptionId, row.allowanceType, { total: a ? a.total : 0, consumed: 0, unit: a ? a.unit : row.unit, unlimitedUntil: null, periodStart: period.start, periodEnd: period.end }, now);
    planned.delete(row.allowanceType);
  }
  if (planned.size === 0) return;
  await tx.insert(bundleBalance).values(
    [...planned.values()].map((a) => ({ ...a, subscriptionId, tenantId: currentTenant(), consumed: 0, periodStart: period.start, periodEnd: period.end, createdAt: now, updatedAt: now })),
  );
}
