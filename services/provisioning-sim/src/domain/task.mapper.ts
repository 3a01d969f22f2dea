// Rows → wire shapes of the /provisioning-api task and fault-rule resources.
import type { provisioning } from '@bss/contracts';
import type { FaultRuleRow, TaskRow } from '../schema.ts';

export const TASK_PATH = '/provisioning-api/v1/task';
export const FAULT_PATH = '/provisioning-api/v1/fault-injection';

type Href = (collectionPath: string, id: string) => string;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toTask(row: TaskRow, href: Href): provisioning.Task {
  return {
    id: row.id,
    href: href(TASK_PATH, row.id),
    serviceOrderId: row.serviceOrderId,
    orderId: row.orderId,
    customerId: row.customerId,
    serviceId: row.serviceId,
    offeringId: row.offeringId,
    taskType: row.taskType,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    permanent: row.permanent,
    lastError: row.lastError,
    operatorNote: row.operatorNote,
    payload: { msisdn: row.msisdn, iccid: row.iccid, imsi: row.imsi },
    startedAt: iso(row.startedAt),
    completedAt: iso(row.completedAt),
    endedAt: iso(row.endedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    '@type': 'ProvisioningTask',
  };
}

/** numeric(7,6) comes back as "0.250000": served as the shortest exact decimal ("0.25", "1", "0"). */
export function normaliseProbability(p: string): string {
  if (!p.includes('.')) return p;
  const trimmed = p.replace(/0+$/, '').replace(/\.$/, '');
  return trimmed === '' ? '0' : trimmed;
}

export function toFaultRule(row: FaultRuleRow, href: Href): provisioning.FaultRule {
  return {
    id: row.id,
    href: href(FAULT_PATH, row.id),
    taskType: row.taskType,
    mode: row.mode,
    probability: normaliseProbability(row.probability),
    permanent: row.permanent,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    '@type': 'FaultInjection',
  };
}
