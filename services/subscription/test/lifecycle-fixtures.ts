// Fixtures of the lifecycle tests that need no downstream service: a line inserted straight into the tables
// with the balances a test wants, and usage.rated envelopes as rating would publish them.
import { randomBytes, randomUUID } from 'node:crypto';
import type { EventEnvelope, EventPayload } from '@bss/contracts';
import type { TestDatabase } from '@bss/testing';

export const NOW = '2026-06-01T00:00:00.000Z';

export interface LineFixture {
  id?: string;
  customerId?: string;
  state?: 'active' | 'blocked' | 'terminated';
  offeringId?: string;
  balances?: { type: 'data' | 'voice' | 'sms' | 'data_roaming'; total: number; consumed?: number; unit?: string }[];
  periodEnd?: string;
  paymentMethodId?: string;
}

/** Inserts a line (active by default, data 1000 mb) and returns its ids. */
export async function insertLine(db: TestDatabase, f: LineFixture = {}) {
  const id = f.id ?? `SUB-${randomBytes(6).toString('hex').toUpperCase()}`;
  const customerId = f.customerId ?? `CUST-${randomBytes(6).toString('hex').toUpperCase()}`;
  const msisdn = `9${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const iccid = `8910${randomBytes(7).toString('hex').slice(0, 15)}`;
  const periodEnd = f.periodEnd ?? '2026-07-01T00:00:00.000Z';
  await db.pool.query(
    `INSERT INTO subscription.subscription (id, customer_id, offering_id, commercial_order_id, msisdn, iccid, state, state_reason,
       activated_at, current_period_start, current_period_end, next_renewal_at, price_amount, price_currency, price_offering_price_id,
       payment_method_id, created_at, updated_at)
     VALUES ($1, $2, $3, $1 || '-ORD', $4, $5, $6, 'fixture', $7, $7, $8, $8, 25.00, 'SGD', 'PRICE_PLAN_M', $9, $7, $7)`,
    [id, customerId, f.offeringId ?? 'PLAN_M', msisdn, iccid, f.state ?? 'active', NOW, periodEnd, f.paymentMethodId ?? 'PM-0001'],
  );
  for (const b of f.balances ?? [{ type: 'data', total: 1000 }]) {
    const unit = b.unit ?? (b.type === 'voice' ? 'minutes' : b.type === 'sms' ? 'count' : 'mb');
    await db.pool.query(
      `INSERT INTO subscription.bundle_balance (subscription_id, allowance_type, total, consumed, unit, period_start, period_end, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $6)`,
      [id, b.type, b.total, b.consumed ?? 0, unit, NOW, periodEnd],
    );
  }
  return { id, customerId, msisdn, iccid };
}

type Line = Awaited<ReturnType<typeof insertLine>>;

/** A usage.rated envelope for `line`; a fresh usage record unless `usageEventId` is given. */
export function usageRated(
  line: Line,
  allowanceType: EventPayload<'usage.rated'>['allowanceType'],
  quantity: number,
  opts: { usageEventId?: string; eventId?: string } = {},
): EventEnvelope {
  const eventType = allowanceType === 'voice' ? 'voice' : allowanceType === 'sms' ? 'sms' : 'data';
  const payload: EventPayload<'usage.rated'> = {
    usageEventId: opts.usageEventId ?? `UE-${randomBytes(8).toString('hex').toUpperCase()}`,
    subscriptionId: line.id,
    customerId: line.customerId,
    msisdn: line.msisdn,
    eventType,
    eventTime: NOW,
    quantity,
    unit: eventType === 'voice' ? 'minutes' : eventType === 'sms' ? 'count' : 'mb',
    roaming: allowanceType === 'data_roaming',
    offeringId: 'PLAN_M',
    allowanceType,
    consumedQuantity: quantity,
    chargeAmount: '0.00',
    currency: 'SGD',
  };
  return {
    eventId: opts.eventId ?? randomUUID(),
    eventType: 'usage.rated',
    aggregateType: 'usage',
    aggregateId: payload.usageEventId,
    occurredAt: NOW,
    actor: 'rating',
    channel: 'system',
    tenant: 'DEFAULT',
    serviceIdentity: 'system',
    requestId: null,
    traceId: null,
    schemaVersion: 1,
    correlationId: payload.usageEventId,
    causationId: null,
    payload,
  };
}

/** The outbox rows of one type for one subscription, oldest first. */
export async function outboxOf(db: TestDatabase, eventType: string, aggregateId: string) {
  const { rows } = await db.pool.query('SELECT payload FROM subscription.outbox WHERE event_type = $1 AND aggregate_id = $2 ORDER BY id', [eventType, aggregateId]);
  return rows.map((r: { payload: Record<string, unknown> }) => r.payload);
}

export async function balancesOf(db: TestDatabase, id: string) {
  const { rows } = await db.pool.query('SELECT allowance_type, total::int, consumed::int FROM subscription.bundle_balance WHERE subscription_id = $1 ORDER BY allowance_type', [id]);
  return Object.fromEntries(rows.map((r: { allowance_type: string; total: number; consumed: number }) => [r.allowance_type, { total: r.total, consumed: r.consumed }]));
}

export async function stateOf(db: TestDatabase, id: string): Promise<string> {
  const { rows } = await db.pool.query('SELECT state FROM subscription.subscription WHERE id = $1', [id]);
  return rows[0].state as string;
}
