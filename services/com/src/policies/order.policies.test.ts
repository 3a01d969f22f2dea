// The pure create rules and the two create bodies reduced to one input: each refusal names its rule.
import { PolicyViolation, ValidationFailed } from '@bss/policy';
import { describe, expect, it } from 'vitest';
import { fromCreateBody } from '../services/order-input.ts';
import { checkCustomerNotClosed, checkCustomerOrderable, checkOfferingSellable, checkSomAllowsCancel } from './order.policies.ts';

const ruleOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e instanceof PolicyViolation ? e.rule : e instanceof ValidationFailed ? `400:${e.reason}` : String(e);
  }
};
const item = (extra: Record<string, unknown> = {}) => ({ id: '1', action: 'add' as const, productOffering: { id: 'PLAN_M' }, ...extra });
const party = (id: string, role = 'customer') => ({ id, role, '@referredType': 'Customer' });

describe('create bodies', () => {
  it('reduces the shorthand and the TMF body to the same input', () => {
    const short = fromCreateBody({ customerId: 'CUST-1', offeringId: 'PLAN_M', msisdnPreference: '6590000000', notes: 'n' });
    const tmf = fromCreateBody({
      productOrderItem: [item({ product: { productCharacteristic: [{ name: 'msisdnPreference', value: '6590000000' }] } })],
      relatedParty: [party('CUST-1', 'Customer'), party('AGENT-1', 'salesAgent')],
      note: [{ text: 'n' }],
    });
    expect(tmf).toEqual(short);
  });

  it('refuses a TMF body by rule: no customer, two customers, a non-add action, an unknown characteristic, a bad preference', () => {
    expect(ruleOf(() => fromCreateBody({ productOrderItem: [item()] }))).toBe('order.create.customer_required');
    expect(ruleOf(() => fromCreateBody({ productOrderItem: [item()], relatedParty: [party('CUST-1'), party('CUST-2')] }))).toBe('order.create.one_customer');
    expect(ruleOf(() => fromCreateBody({ productOrderItem: [item({ action: 'delete' })], relatedParty: [party('CUST-1')] }))).toBe('order.create.action_unsupported');
    const withChar = (name: string, value: unknown) =>
      fromCreateBody({ productOrderItem: [item({ product: { productCharacteristic: [{ name, value }] } })], relatedParty: [party('CUST-1')] } as never);
    expect(ruleOf(() => withChar('colour', 'red'))).toBe('order.create.characteristic_unknown');
    expect(ruleOf(() => withChar('msisdnPreference', 42))).toBe('400:request.invalid_characteristic');
  });
});

describe('create rules', () => {
  it('tells a closed customer, an unreachable one and an otherwise unorderable one apart', () => {
    expect(ruleOf(() => checkCustomerNotClosed({ status: 'closed', orderable: false }, 'C'))).toBe('order.create.customer_closed');
    expect(ruleOf(() => checkCustomerOrderable({ status: 'pending', orderable: false, reason: 'customer.create.requires_contact_medium' }, 'C'))).toBe('order.create.no_contact_medium');
    expect(ruleOf(() => checkCustomerOrderable({ status: 'suspended', orderable: false, reason: 'customer.order.customer_active_or_pending' }, 'C'))).toBe('order.create.customer_not_orderable');
    expect(ruleOf(() => checkCustomerOrderable({ status: 'active', orderable: true }, 'C'))).toBe('ok');
  });

  it('maps the catalog quote to the offering rules', () => {
    expect(ruleOf(() => checkOfferingSellable({ kind: 'unknown_offering' }, 'X'))).toBe('order.create.offering_not_found');
    expect(ruleOf(() => checkOfferingSellable({ kind: 'not_sellable', underlying: 'catalog.price.no_active_row', cause: 'no_price_in_window' }, 'X'))).toBe('policy.offering.not_sellable_now');
    expect(checkOfferingSellable({ kind: 'priced', priceId: 'P', amount: '1.00', currency: 'SGD' }, 'X')).toMatchObject({ priceId: 'P' });
  });

  it("turns SOM's refusal into order.cancel.forbidden_after_som_started and lets its other answers through", () => {
    expect(ruleOf(() => checkSomAllowsCancel({ outcome: 'refused', serviceOrderId: 'SO-1', serviceOrderState: 'completed' }, 'O'))).toBe('order.cancel.forbidden_after_som_started');
    expect(ruleOf(() => checkSomAllowsCancel({ outcome: 'not_started', serviceOrderId: null }, 'O'))).toBe('ok');
    expect(ruleOf(() => checkSomAllowsCancel({ outcome: 'cancelled', serviceOrderId: 'SO-1' }, 'O'))).toBe('ok');
  });
});
