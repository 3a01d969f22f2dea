// Who may list across customers. A list that names no customer is the operator's view (scope
// `payment:read_all`); any other identity — a customer-facing portal above all — must name the customer.
import { Forbidden } from '@bss/policy';

export const READ_ALL_SCOPE = 'payment:read_all';

/** Throws 403 `payment.list.customer_required` when `customerId` is absent and the identity lacks read_all. */
export function checkListScope(customerId: string | undefined, scopes: readonly string[]): void {
  if (customerId === undefined && !scopes.includes(READ_ALL_SCOPE)) {
    throw new Forbidden('payment.list.customer_required', `name customerId: listing across customers needs scope ${READ_ALL_SCOPE}`, {
      scope: READ_ALL_SCOPE,
    });
  }
}
