// Fault-injection rules, managed by an operator (scope admin). Every change stages
// `provisioning.fault_injection.updated` in its transaction; a deleted rule is reported as disabled.
import { mintId, type provisioning } from '@bss/contracts';
import type { ProvisioningDeps } from '../deps.ts';
import { toFaultRule } from '../domain/task.mapper.ts';
import { faultInjectionUpdated } from '../events/fault-rule.events.ts';
import { checkPermanentMode } from '../policies/fault-rule.policies.ts';
import {
  deleteFaultRule,
  getFaultRule,
  getFaultRuleForUpdate,
  insertFaultRule,
  listFaultRules,
  updateFaultRule,
} from '../repositories/fault-rule.repository.ts';

/**
 * `permanent` when a patch does not say: switching to fail_always takes the create default (true), leaving it
 * clears the flag, and a fail_always rule keeps its own.
 */
function impliedPermanent(current: { mode: provisioning.FaultMode; permanent: boolean }, mode: provisioning.FaultMode): boolean {
  if (mode !== 'fail_always') return false;
  return current.mode === 'fail_always' ? current.permanent : true;
}

export function createFaultRuleService(deps: ProvisioningDeps) {
  const { db } = deps.database;
  const view = (row: Parameters<typeof toFaultRule>[0]) => toFaultRule(row, deps.href);

  function create(input: provisioning.FaultRuleCreate): Promise<provisioning.FaultRule> {
    return db.transaction(async (tx) => {
      // fail_always defaults to permanent (the order fails); every other mode cannot be permanent.
      const permanent = input.permanent ?? input.mode === 'fail_always';
      checkPermanentMode(input.mode, permanent);
      const now = deps.clock.now();
      const row = await insertFaultRule(tx, {
        id: mintId('FLT'),
        taskType: input.taskType ?? null,
        mode: input.mode,
        probability: input.probability ?? '1',
        permanent,
        enabled: input.enabled ?? true,
        createdAt: now,
        updatedAt: now,
      });
      await deps.outbox.stage(tx, faultInjectionUpdated(row));
      return view(row);
    });
  }

  function update(faultId: string, patch: provisioning.FaultRulePatch): Promise<provisioning.FaultRule> {
    return db.transaction(async (tx) => {
      const current = await getFaultRuleForUpdate(tx, faultId);
      // An empty patch changes nothing, so it records nothing.
      if (Object.values(patch).every((v) => v === undefined)) return view(current);
      const mode = patch.mode ?? current.mode;
      const permanent = patch.permanent ?? impliedPermanent(current, mode);
      checkPermanentMode(mode, permanent);
      const row = await updateFaultRule(tx, faultId, {
        ...(patch.taskType !== undefined ? { taskType: patch.taskType } : {}),
        mode,
        permanent,
        ...(patch.probability !== undefined ? { probability: patch.probability } : {}),
        ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
        updatedAt: deps.clock.now(),
      });
      await deps.outbox.stage(tx, faultInjectionUpdated(row));
      return view(row);
    });
  }

  function remove(faultId: string): Promise<void> {
    return db.transaction(async (tx) => {
      const current = await getFaultRuleForUpdate(tx, faultId);
      await deleteFaultRule(tx, faultId);
      await deps.outbox.stage(tx, faultInjectionUpdated(current, { deleted: true }));
    });
  }

  return {
    create,
    update,
    remove,
    get: async (faultId: string) => view(await getFaultRule(db, faultId)),
    list: async (page: { offset: number; limit: number }) => {
      const { rows, total } = await listFaultRules(db, page);
      return { rules: rows.map(view), total };
    },
  };
}
export type FaultRuleService = ReturnType<typeof createFaultRuleService>;
