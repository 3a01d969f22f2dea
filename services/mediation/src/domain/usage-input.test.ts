// The two create bodies map onto one record input; a TMF body's characteristic faults are 400s naming them.
import { ValidationFailed } from '@bss/policy';
import { describe, expect, it } from 'vitest';
import { fromUsageCreate, toRecordInput } from './usage-input.ts';

// Bodies as a client may send them (the route's schema would refuse some; the mapper must still answer 400).
const tmf = (chars: { name: string; value: unknown }[]): Record<string, unknown> => ({ usageDate: '2026-05-31T09:00:00Z', usageType: 'data', usageCharacteristic: chars });
const base = [
  { name: 'msisdn', value: '6590000001' },
  { name: 'quantity', value: 10 },
  { name: 'unit', value: 'mb' },
];

describe('toRecordInput', () => {
  it('maps the shorthand with its defaults', () => {
    expect(toRecordInput({ msisdn: '6590000001', eventType: 'sms', eventTime: '2026-05-31T09:00:00Z', quantity: 1, unit: 'count' })).toEqual({
      msisdn: '6590000001', eventType: 'sms', eventTime: '2026-05-31T09:00:00Z', quantity: 1, unit: 'count', roaming: false, source: 'api', externalId: undefined, description: undefined,
    });
  });

  it('maps the TMF body: usageType, usageDate and the characteristics', () => {
    const input = toRecordInput({ ...tmf([...base, { name: 'roaming', value: true }, { name: 'source', value: 'ggsn' }, { name: 'externalId', value: 'cdr-1' }]), description: 'd' } as never);
    expect(input).toEqual({ msisdn: '6590000001', eventType: 'data', eventTime: '2026-05-31T09:00:00Z', quantity: 10, unit: 'mb', roaming: true, source: 'ggsn', externalId: 'cdr-1', description: 'd' });
  });

  it.each([
    ['a missing msisdn', base.slice(1), 'msisdn'],
    ['a missing quantity', [base[0]!, base[2]!], 'quantity'],
    ['a repeated unit', [...base, { name: 'unit', value: 'mb' }], 'unit'],
    ['a quantity in a string', [base[0]!, { name: 'quantity', value: '10' }, base[2]!], 'quantity'],
    ['a fractional quantity', [base[0]!, { name: 'quantity', value: 1.5 }, base[2]!], 'quantity'],
    ['a roaming flag in a string', [...base, { name: 'roaming', value: 'yes' }], 'roaming'],
    ['a malformed msisdn', [{ name: 'msisdn', value: '+65 9000' }, ...base.slice(1)], 'msisdn'],
    ['a malformed externalId', [...base, { name: 'externalId', value: 'a b' }], 'externalId'],
  ])('refuses %s with 400 naming it', (_what, chars, name) => {
    let err: unknown;
    try {
      fromUsageCreate(tmf(chars) as never);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationFailed);
    expect(err).toMatchObject({ reason: 'request.invalid_characteristic', context: { characteristic: name } });
  });
});
