// Who may list across customers. A list that names no customer is the operator's view (scope
// `payment:read_all`); any other identity — a customer-facing portal above all — must name the customer. The
// route's one scope stays `payment:read` (so the perimeter's one-scope rule holds); for an identity without
// read_all, customerId is simply a required parameter, hence 400 like any missing parameter, not 403.
import { ValidationFailed } from '@bss/policy';

export const READ_ALL_SCOPE = 'payment:read_all';

/** Throws 400 `payment.list.customer_required` when `customerId` is absent and the identity lacks read_all. */
export function checkListScope(customerId: string | undefined, scopes: readonly string[]): void {
  if (customerId === undefined && !scopes.includes(READ_ALL_SCOPE)) {
    throw new ValidationFailed('payment.list.customer_required', `name customerId: listing across customers needs scope ${READ_ALL_SCOPE}`, {
      scope: READ_ALL_SCOPE,
    });
  }
}
