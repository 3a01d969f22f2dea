// What one attempt of a task does, decided from the fault rules, the attempt number and an injected random
// source (uniform in [0, 1)), so tests are deterministic. Pure: the runner applies the outcome.
//
// Rule choice: the most specific enabled rule applies — a rule for the task's own type before a rule for every
// type, the oldest first among equals. Modes (`probability` is the chance the rule fires when it is rolled):
//   stuck               rolled on the first attempt of a budget: the attempt hangs until an operator acts
//   fail_first_attempt  rolled on the first attempt: it fails (retryably); the next attempt runs normally
//   fail_always         rolled on every attempt: it fails; the final one fails the task (permanent per rule)
//   slow                rolled on every attempt: it takes 2–5 × the normal duration, then succeeds
import type { provisioning } from '@bss/contracts';

export interface FaultRuleView {
  id: string;
  taskType: provisioning.TaskType | null;
  mode: provisioning.FaultMode;
  probability: string;
  permanent: boolean;
  enabled: boolean;
}

export type AttemptOutcome =
  | { kind: 'succeed'; durationMs: number; faultId: string | null }
  | { kind: 'fail'; durationMs: number; error: string; permanent: boolean; faultId: string }
  | { kind: 'hang'; error: string; faultId: string };

/** The one rule that governs tasks of `taskType`, if any is enabled. */
export function applicableRule<R extends FaultRuleView>(rules: readonly R[], taskType: provisioning.TaskType): R | undefined {
  const enabled = rules.filter((r) => r.enabled && (r.taskType === taskType || r.taskType === null));
  return enabled.find((r) => r.taskType === taskType) ?? enabled.find((r) => r.taskType === null);
}

/** Whether a rule of probability `p` (decimal string) fires on a draw of `random`. */
export function fires(probability: string, random: () => number): boolean {
  const p = Number(probability);
  if (p <= 0) return false;
  if (p >= 1) return true;
  return random() < p;
}

export interface AttemptInput {
  rule: FaultRuleView | undefined;
  /** 1-based number of this attempt within the current budget. */
  attempt: number;
  maxAttempts: number;
  /** The normal duration of an attempt (BSS_PROVISIONING_TASK_DURATION_MS). */
  durationMs: number;
  random: () => number;
}

export function decideAttempt({ rule, attempt, maxAttempts, durationMs, random }: AttemptInput): AttemptOutcome {
  const ok: AttemptOutcome = { kind: 'succeed', durationMs, faultId: null };
  if (!rule) return ok;
  const label = `injected fault ${rule.id} (${rule.mode}) on attempt ${attempt} of ${maxAttempts}`;
  switch (rule.mode) {
    case 'stuck':
      return attempt === 1 && fires(rule.probability, random) ? { kind: 'hang', error: `${label}: the network never answered`, faultId: rule.id } : ok;
    case 'fail_first_attempt':
      return attempt === 1 && fires(rule.probability, random)
        ? { kind: 'fail', durationMs, error: label, permanent: false, faultId: rule.id }
        : ok;
    case 'fail_always':
      return fires(rule.probability, random) ? { kind: 'fail', durationMs, error: label, permanent: rule.permanent, faultId: rule.id } : ok;
    case 'slow':
      return fires(rule.probability, random) ? { kind: 'succeed', durationMs: Math.round(durationMs * (2 + 3 * random())), faultId: rule.id } : ok;
  }
}
