// The edge rules one by one: each refuses exactly its case with its rule id and facts, and lets the rest pass.
import { PolicyViolation } from '@bss/policy';
import { describe, expect, it } from 'vitest';
import type { RecordInput } from '../domain/usage-input.ts';
import {
  checkPositiveQuantity,
  checkSameRecordForExternalId,
  checkSubscriptionActive,
  checkSubscriptionExists,
  checkUnitMatchesEventType,
  checkValidEventType,
} from './usage.policies.ts';

const input = (o: Partial<RecordInput> = {}): RecordInput => ({
  msisdn: '6590000001', eventType: 'data', eventTime: '2026-05-31T09:00:00Z', quantity: 5, unit: 'mb', roaming: false, source: 'api', externalId: 'x', description: undefined, ...o,
});
const sub = (state: string) => ({ id: 'SUB-1', customerId: 'CUST-1', state, offeringId: 'PLAN_M', msisdn: '6590000001' });
const ruleOf = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (e instanceof PolicyViolation) return e.rule;
    throw e;
  }
};

describe('usage edge rules', () => {
  it('positive quantity', () => {
    expect(ruleOf(() => checkPositiveQuantity(input({ quantity: 1 })))).toBeUndefined();
    for (const q of [0, -1]) expect(ruleOf(() => checkPositiveQuantity(input({ quantity: q })))).toBe('usage.record.positive_quantity');
  });

  it('valid event type: data, voice and sms only', () => {
    for (const t of ['data', 'voice', 'sms']) expect(ruleOf(() => checkValidEventType(input({ eventType: t })))).toBeUndefined();
    for (const t of ['voice_minutes', 'data_roaming', 'DATA', '']) expect(ruleOf(() => checkValidEventType(input({ eventType: t })))).toBe('usage.record.valid_event_type');
  });

  it('unit matches the event type (every type × every unit)', () => {
    const ok = { data: 'mb', voice: 'minutes', sms: 'count' } as const;
    for (const eventType of ['data', 'voice', 'sms'] as const) {
      for (const unit of ['mb', 'minutes', 'count', 'MB', 'gb']) {
        const rule = ruleOf(() => checkUnitMatchesEventType({ ...input({ unit }), eventType }));
        expect(rule, `${eventType} in ${unit}`).toBe(unit === ok[eventType] ? undefined : 'usage.record.unit_matches_event_type');
      }
    }
  });

  it('subscription must exist and be active', () => {
    expect(ruleOf(() => checkSubscriptionExists(undefined, '6590000001'))).toBe('usage.record.subscription_must_exist');
    expect(ruleOf(() => checkSubscriptionExists(sub('active'), '6590000001'))).toBeUndefined();
    expect(ruleOf(() => checkSubscriptionActive(sub('active')))).toBeUndefined();
    for (const s of ['pending', 'blocked', 'terminated']) expect(ruleOf(() => checkSubscriptionActive(sub(s)))).toBe('usage.record.subscription_must_be_active');
  });

  it('a sender id names one record', () => {
    const row = { id: 'UE-1', externalId: 'x', msisdn: '6590000001', eventType: 'data', eventTime: new Date('2026-05-31T09:00:00Z'), quantity: 5, unit: 'mb', roaming: false } as never;
    expect(ruleOf(() => checkSameRecordForExternalId(row, input({ eventTime: '2026-05-31T11:00:00+02:00' })))).toBeUndefined();
    expect(ruleOf(() => checkSameRecordForExternalId(row, input({ roaming: true })))).toBe('usage.record.external_id_matches_request');
  });
});
