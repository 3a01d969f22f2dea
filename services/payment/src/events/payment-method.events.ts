// Event builders for cards on file. camelCase payloads with what consumers need; never a number or token.
import type { NewEvent } from '@bss/events';
import type { PaymentMethodRow } from '../schema.ts';

const base = (row: PaymentMethodRow) => ({ aggregateType: 'payment_method', aggregateId: row.id });

export function paymentMethodAdded(row: PaymentMethodRow): NewEvent {
  return {
    ...base(row),
    eventType: 'payment_method.added',
    payload: {
      paymentMethodId: row.id,
      customerId: row.customerId,
      brand: row.brand,
      last4: row.last4,
      tokenizationProvider: row.tokenProvider,
      isDefault: row.isDefault,
    },
  };
}

export function paymentMethodRemoved(row: PaymentMethodRow, promotedDefaultId: string | null): NewEvent {
  return {
    ...base(row),
    eventType: 'payment_method.removed',
    payload: { paymentMethodId: row.id, customerId: row.customerId, last4: row.last4, promotedDefaultId },
  };
}

export function paymentMethodDefaultChanged(row: PaymentMethodRow, previousDefaultId: string | null, cause: 'set_default' | 'promoted_on_remove'): NewEvent {
  return {
    ...base(row),
    eventType: 'payment_method.default_changed',
    payload: { paymentMethodId: row.id, customerId: row.customerId, last4: row.last4, previousDefaultId, cause },
  };
}

/** A merge-patch changed the card's descriptive attributes (the card itself is immutable). */
export function paymentMethodUpdated(row: PaymentMethodRow, changed: string[]): NewEvent {
  return {
    ...base(row),
    eventType: 'payment_method.updated',
    payload: { paymentMethodId: row.id, customerId: row.customerId, changed },
  };
}
