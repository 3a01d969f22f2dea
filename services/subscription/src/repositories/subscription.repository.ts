// Queries over subscription.subscription and its balances and history. Every read is one round trip: the
// balances come with the row as json_agg. No business rules here; writes take the caller's transaction.
import { preparedOn, type Executor, type Tx } from '@bss/db';
import { NotFound } from '@bss/policy';
import { and, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { BalanceJson, ExpiringTopUpJson, SubscriptionWithBalances } from '../domain/subscription.mapper.ts';
import { bundleBalance, stateHistory, subscription, type SubscriptionRow } from '../schema.ts';
import { currentTenant, inTenant } from './tenant.ts';

// Balances in display order (data, voice, sms, roaming), aggregated in the same statement as the row.
const balances = sql<BalanceJson[]>`coalesce((
  SELECT json_agg(json_build_object(
           'allowance_type', b.allowance_type, 'total', b.total, 'consumed', b.consumed, 'unit', b.unit,
           'period_start', b.period_start, 'period_end', b.period_end, 'unlimited_until', b.unlimited_until)
         ORDER BY array_position(ARRAY['data','voice','sms','data_roaming'], b.allowance_type))
  FROM subscription.bundle_balance b
  WHERE b.subscription_id = ${subscription.id}), '[]'::json)`.as('balances');

// Finite top-ups with an expiry not applied yet: a read past their expiry shows the balance without them, even
// before the worker's sweep (or the next usage) applies it.
const expiringTopUps = sql<ExpiringTopUpJson[]>`coalesce((
  SELECT json_agg(json_build_object('allowance_type', v.allowance_type, 'quantity', v.quantity, 'expires_at', v.expires_at) ORDER BY v.expires_at, v.id)
  FROM subscription.vas_purchase v
  WHERE v.subscription_id = ${subscription.id} AND v.expired_at IS NULL AND v.expires_at IS NOT NULL AND v.quantity > 0), '[]'::json)`.as('expiring_top_ups');

function selectWithBalances(ex: Executor, where: SQL | undefined) {
  return ex
    .select({ ...getTableColumns(subscription), balances, expiringTopUps })
    .from(subscription)
    .where(and(where, inTenant(subscription.tenantId)));
}

// The read by id is the hottest (every balance check, the CLI, the portals): a named prepared statement, so the
// query is neither rebuilt nor re-planned per call. Tenant and id are parameters.
const byId = preparedOn((ex) =>
  ex
    .select({ ...getTableColumns(subscription), balances, expiringTopUps })
    .from(subscription)
    .where(and(eq(subscription.id, sql.placeholder('id')), eq(subscription.tenantId, sql.placeholder('tenant'))))
    .prepare('subscription_by_id'),
);

export async function findSubscription(ex: Executor, id: string): Promise<SubscriptionWithBalances | undefined> {
  const [row] = await byId(ex).execute({ id, tenant: currentTenant() });
  return row;
}

/** The subscription, or NotFound (404 `subscription.not_found`). */
export async function getSubscription(ex: Executor, id: string): Promise<SubscriptionWithBalances> {
  const row = await findSubscription(ex, id);
  if (!row) throw new NotFound('subscription', id);
  return row;
}

/** The customer's subscriptions, newest first. */
export function listByCustomer(ex: Executor, customerId: string): Promise<SubscriptionWithBalances[]> {
  return selectWithBalances(ex, eq(subscription.customerId, customerId)).orderBy(desc(subscription.createdAt), desc(subscription.id));
}

// The read by MSISDN is mediation's edge check of every usage record: prepared as the read by id is. The state
// test is literal SQL, not a parameter: the unique index on live lines is partial (WHERE state <> 'terminated'),
// and a generic plan can use it only when the query repeats its predicate as written.
const byMsisdn = preparedOn((ex) =>
  ex
    .select({ ...getTableColumns(subscription), balances, expiringTopUps })
    .from(subscription)
    .where(and(eq(subscription.tenantId, sql.placeholder('tenant')), eq(subscription.msisdn, sql.placeholder('msisdn')), sql`${subscription.state} <> 'terminated'`))
    .prepare('subscription_by_msisdn'),
);

/** The line holding `msisdn` now (terminated lines gave their number back). */
export async function findByMsisdn(ex: Executor, msisdn: string): Promise<SubscriptionWithBalances | undefined> {
  const [row] = await byMsisdn(ex).execute({ msisdn, tenant: currentTenant() });
  return row;
}

/** The subscription row alone (no balances), for the eSIM view. */
export async function findSubscriptionRow(ex: Executor, id: string): Promise<SubscriptionRow | undefined> {
  const [row] = await ex.select().from(subscription).where(and(eq(subscription.id, id), inTenant(subscription.tenantId)));
  return row;
}

export type NewSubscription = Omit<typeof subscription.$inferInsert, 'tenantId'>;

export async function insertSubscription(tx: Tx, values: NewSubscription): Promise<SubscriptionRow> {
  const [row] = await tx.insert(subscription).values({ ...values, tenantId: currentTenant() }).returning();
  return row!;
}

export async function updateSubscription(tx: Tx, id: string, values: Partial<NewSubscription>): Promise<SubscriptionRow> {
  const [row] = await tx.update(subscription).set(values).where(and(eq(subscription.id, id), inTenant(subscription.tenantId))).returning();
  return row!;
}

export interface NewBalance {
  allowanceType: 'data' | 'voice' | 'sms' | 'data_roaming';
  total: number;
  unit: string;
}

export async function insertBalances(tx: Tx, subscriptionId: string, rows: NewBalance[], period: { start: Date; end: Date }, now: Date): Promise<void> {
  if (rows.length === 0) return;
  const tenantId = currentTenant();
  await tx.insert(bundleBalance).values(
    rows.map((b) => ({ ...b, subscriptionId, tenantId, consumed: 0, periodStart: period.start, periodEnd: period.end, createdAt: now, updatedAt: now })),
  );
}

export async function insertHistory(
  tx: Tx,
  row: { subscriptionId: string; fromState: string | null; toState: string; trigger: string; reason: string | null; changedBy: string; occurredAt: Date },
): Promise<void> {
  await tx.insert(stateHistory).values({ ...row, tenantId: currentTenant() });
}
