// Fault rules: `permanent` only means something for fail_always (the only mode that can exhaust a task).
import type { provisioning } from '@bss/contracts';
import { PolicyViolation } from '@bss/policy';

export function checkPermanentMode(mode: provisioning.FaultMode, permanent: boolean): void {
  if (permanent && mode !== 'fail_always') {
    throw new PolicyViolation(
      'provisioning.fault_injection.permanent_requires_fail_always',
      `permanent applies to fail_always rules only; a ${mode} rule never exhausts a task`,
      { mode },
    );
  }
}
