// State machines as data: a transition table, a lookup, and one policy error for an illegal move.
import { PolicyViolation } from './errors.ts';

/** One legal move: from `from`, trigger `trigger` leads to `to`. */
export interface Transition<S extends string, T extends string> {
  from: S;
  trigger: T;
  to: S;
}

/** A finite state machine described by its transition table. */
export interface StateMachine<S extends string, T extends string> {
  readonly aggregate: string;
  readonly states: readonly S[];
  readonly triggers: readonly T[];
  readonly transitions: readonly Transition<S, T>[];
  /** The target state, or undefined when `trigger` is illegal in `from`. */
  next(from: S, trigger: T): S | undefined;
  /** The target state; throws `<aggregate>.transition.invalid` when illegal. */
  transition(from: S, trigger: T, context?: Record<string, unknown>): S;
  /** Triggers legal in `from`. */
  triggersFrom(from: S): T[];
  isTerminal(state: S): boolean;
}

/** Builds a state machine from its table. The table is the documentation; tests walk it whole. */
export function defineStateMachine<const S extends string, const T extends string>(def: {
  aggregate: string;
  states: readonly S[];
  triggers: readonly T[];
  transitions: readonly Transition<S, T>[];
}): StateMachine<S, T> {
  const table = new Map(def.transitions.map((t) => [`${t.from}|${t.trigger}`, t.to]));
  return {
    ...def,
    next: (from, trigger) => table.get(`${from}|${trigger}`),
    transition(from, trigger, context = {}) {
      const to = table.get(`${from}|${trigger}`);
      if (to === undefined) {
        throw new PolicyViolation(
          `${def.aggregate}.transition.invalid`,
          `cannot ${trigger} a ${def.aggregate} in state ${from}`,
          { ...context, from, trigger, allowed: def.transitions.filter((t) => t.from === from).map((t) => t.trigger) },
        );
      }
      return to;
    },
    triggersFrom: (from) => def.transitions.filter((t) => t.from === from).map((t) => t.trigger),
    isTerminal: (state) => !def.transitions.some((t) => t.from === state),
  };
}
