// Event builders for charge outcomes: payment.charged | payment.declined | payment.errored.
import type { NewEvent } from '@bss/events';
import type { PaymentAttemptRow } from '../schema.ts';

const EVENT_BY_STATUS = { approved: 'payment.charged', declined: 'payment.declined', errored: 'payment.errored' } as const;

/** The outcome event of a completed attempt. */
export function paymentCompleted(row: PaymentAttemptRow & { status: 'approved' | 'declined' | 'errored' }): NewEvent {
  return {
    eventType: EVENT_BY_STATUS[row.status],
    aggregateType: 'payment',
    aggregateId: row.id,
    payload: {
      paymentId: row.id,
      customerId: row.customerId,
      paymentMethodId: row.paymentMethodId,
      amount: row.amount,
      currency: row.currency,
      purpose: row.purpose,
      status: row.status,
      idempotencyKey: row.idempotencyKey,
      gatewayRef: row.gatewayRef,
      declineCode: row.declineCode,
    },
  };
}
