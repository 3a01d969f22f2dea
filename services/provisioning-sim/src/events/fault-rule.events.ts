// The one fault-injection event: every create, change and delete of a rule (a deleted rule reads as disabled).
import type { NewEvent } from '@bss/events';
import { normaliseProbability } from '../domain/task.mapper.ts';
import type { FaultRuleRow } from '../schema.ts';

export const faultInjectionUpdated = (r: FaultRuleRow, opts: { deleted?: boolean } = {}): NewEvent<'provisioning.fault_injection.updated'> => ({
  eventType: 'provisioning.fault_injection.updated',
  aggregateType: 'fault_injection',
  aggregateId: r.id,
  payload: {
    faultId: r.id,
    taskType: r.taskType,
    mode: r.mode,
    probability: normaliseProbability(r.probability),
    permanent: r.permanent,
    enabled: opts.deleted ? false : r.enabled,
  },
});
