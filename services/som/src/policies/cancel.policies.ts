// The cancel gate's rule: COM may cancel an order only while SOM has not started on it (no service order, or one
// still acknowledged / already cancelled). Once inventory is reserved and tasks requested, cancel is refused.
import { requirePolicy } from '@bss/policy';
import type { ServiceOrderRow } from '../schema.ts';

export function checkCancellable(so: ServiceOrderRow): void {
  requirePolicy(
    so.state === 'acknowledged' || so.state === 'cancelled',
    'order.cancel.forbidden_after_som_started',
    `order ${so.orderId} cannot be cancelled: its service order ${so.id} is ${so.state}`,
    { orderId: so.orderId, serviceOrderId: so.id, serviceOrderState: so.state },
  );
}
