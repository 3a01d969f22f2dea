// Recording a gateway verdict on a pending attempt, shared by the charge itself and the reconciler that
// completes attempts whose process died mid-charge. The `pending` guard in the UPDATE makes it first-wins:
// whichever of the two records the verdict stages the one `payment.*` event; the other changes nothing.
import type { Database } from '@bss/db';
import type { Clock } from '@bss/clock';
import type { Outbox } from '@bss/events';
import type { GatewayResult } from '../adapters/provider.ts';
import { paymentAttemptMachine, triggerFor } from '../domain/payment-attempt.state.ts';
import { paymentCompleted } from '../events/payment.events.ts';
import { completeAttempt } from '../repositories/payment-attempt.repository.ts';
import type { PaymentAttemptRow } from '../schema.ts';

/** Completes `attempt` with `result` and stages its event; undefined when it was no longer pending. */
export function recordVerdict(
  deps: { database: Database; clock: Clock; outbox: Outbox },
  attempt: PaymentAttemptRow,
  result: GatewayResult,
): Promise<PaymentAttemptRow | undefined> {
  return deps.database.db.transaction(async (tx) => {
    const status = result.status;
    // The table is the authority: only a pending attempt may take a verdict, and only once.
    paymentAttemptMachine.transition('pending', triggerFor(status), { paymentId: attempt.id });
    const now = deps.clock.now();
    const row = await completeAttempt(tx, attempt.id, {
      status,
      gatewayRef: result.gatewayRef,
      declineCode: result.status === 'approved' ? null : result.declineCode,
      declineReason: result.status === 'approved' ? null : result.declineReason,
      completedAt: now,
      updatedAt: now,
    });
    if (row) await deps.outbox.stage(tx, paymentCompleted({ ...row, status }));
    return row;
  });
}
