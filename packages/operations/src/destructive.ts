// The destructive set, reviewed against the reference's DESTRUCTIVE_TOOLS (§A.5): each listed name is either a
// registered operation flagged destructive, or pending on a service not built yet. A test keeps the two in step.

/** The reference's DESTRUCTIVE_TOOLS (admin.force_state is not a tool there either; it is not carried over). */
export const REFERENCE_DESTRUCTIVE: readonly string[] = [
  'customer.close',
  'customer.remove_contact_medium',
  'case.close',
  'ticket.cancel',
  'payment.remove_method',
  'order.cancel',
  'subscription.terminate',
  'subscription.terminate_mine',
  'provisioning.set_fault_injection',
  'admin.reset_operational_data',
];

/**
 * Destructive here though not in the reference set, with why: cancelling a case is terminal exactly as ticket.cancel is
 * (the reference has no case.cancel tool at all).
 */
export const ADDED_DESTRUCTIVE: Readonly<Record<string, string>> = {
  'case.cancel': 'terminal, like ticket.cancel (no such tool in the reference)',
  'provisioning.abandon_task': 'terminal: the task fails permanently and its order fails (no such tool in the reference)',
};
