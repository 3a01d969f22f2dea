// Trouble-ticket lifecycle as data (domain-rules §2.8). `cancel` from resolved/closed is refused by its own rule
// (ticket.cancel.not_if_resolved_or_closed) before the generic one; guards live in ticket.policies.ts.
import { defineStateMachine, PolicyViolation } from '@bss/policy';

export const ticketMachine = defineStateMachine({
  aggregate: 'ticket',
  states: ['open', 'acknowledged', 'in_progress', 'pending', 'resolved', 'closed', 'cancelled'],
  triggers: ['ack', 'start', 'wait', 'resume', 'resolve', 'close', 'reopen', 'cancel'],
  transitions: [
    { from: 'open', trigger: 'ack', to: 'acknowledged' },
    { from: 'acknowledged', trigger: 'start', to: 'in_progress' },
    { from: 'in_progress', trigger: 'wait', to: 'pending' },
    { from: 'pending', trigger: 'resume', to: 'in_progress' },
    { from: 'in_progress', trigger: 'resolve', to: 'resolved' },
    { from: 'resolved', trigger: 'close', to: 'closed' },
    { from: 'resolved', trigger: 'reopen', to: 'in_progress' },
    { from: 'open', trigger: 'cancel', to: 'cancelled' },
    { from: 'acknowledged', trigger: 'cancel', to: 'cancelled' },
    { from: 'in_progress', trigger: 'cancel', to: 'cancelled' },
    { from: 'pending', trigger: 'cancel', to: 'cancelled' },
  ],
});
export type TicketStateName = (typeof ticketMachine.states)[number];
export type TicketTriggerName = (typeof ticketMachine.triggers)[number];

/** States a case's ticket may be in for the case to resolve (resolved counts as done work). */
export const TICKET_DONE_STATES: readonly TicketStateName[] = ['resolved', 'closed', 'cancelled'];

/** The target state; throws the documented rule ids when illegal. */
export function nextTicketState(ticketId: string, from: TicketStateName, trigger: TicketTriggerName): TicketStateName {
  if (trigger === 'cancel' && (from === 'resolved' || from === 'closed' || from === 'cancelled')) {
    throw new PolicyViolation('ticket.cancel.not_if_resolved_or_closed', `cannot cancel a ticket in state ${from}`, {
      ticketId,
      currentState: from,
    });
  }
  const to = ticketMachine.next(from, trigger);
  if (to === undefined) {
    throw new PolicyViolation('ticket.transition.valid_from_state', `cannot ${trigger} a ticket in state ${from}`, {
      ticketId,
      currentState: from,
      trigger,
      allowed: ticketMachine.triggersFrom(from),
    });
  }
  return to;
}
