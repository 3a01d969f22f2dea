// Tasks → TMF640 Service and Monitor. A task is the activation of one resource-facing service (its type is
// the network step); its Monitor tracks that activation request. State mapping:
//   Service.state  pending/running/stuck, failed retryably → reserved; completed → active;
//                  failed permanently, abandoned → inactive (hasStarted true + isServiceEnabled false = failed, per TMF640)
//   Monitor.state  pending/running → InProgress; completed → Completed; failed, stuck, abandoned → InError
// Values the spec has no attribute for (msisdn, attempts, permanence, …) are serviceCharacteristic entries.
import { provisioning } from '@bss/contracts';
import { omitEmpty } from '@bss/server-kit';
import type { TaskRow } from '../schema.ts';

export const SERVICE_PATH = `${provisioning.TMF640_BASE}/service`;
export const MONITOR_PATH = `${provisioning.TMF640_BASE}/monitor`;

type Href = (collectionPath: string, id: string) => string;

function serviceState(row: TaskRow): provisioning.Tmf640Service['state'] {
  if (row.state === 'completed') return 'active';
  if (row.state === 'abandoned' || (row.state === 'failed' && row.permanent)) return 'inactive';
  return 'reserved';
}

export function toTmf640Service(row: TaskRow, href: Href): provisioning.Tmf640Service {
  const chars: provisioning.Tmf640Service['serviceCharacteristic'] = [
    { name: 'taskState', valueType: 'string', value: row.state },
    { name: 'msisdn', valueType: 'string', value: row.msisdn },
    { name: 'iccid', valueType: 'string', value: row.iccid },
    { name: 'imsi', valueType: 'string', value: row.imsi },
    { name: 'attempts', valueType: 'integer', value: row.attempts },
    { name: 'maxAttempts', valueType: 'integer', value: row.maxAttempts },
    { name: 'permanentFailure', valueType: 'boolean', value: row.permanent },
    { name: 'offeringId', valueType: 'string', value: row.offeringId },
  ];
  if (row.lastError) chars.push({ name: 'lastError', valueType: 'string', value: row.lastError });
  return omitEmpty({
    id: row.id,
    href: href(SERVICE_PATH, row.id),
    category: 'ResourceFacingService',
    name: row.taskType,
    description: `${row.taskType} of service order ${row.serviceOrderId}`,
    serviceType: row.taskType,
    state: serviceState(row),
    hasStarted: row.attempts > 0 || row.state === 'completed' || row.startedAt !== null,
    isServiceEnabled: row.state === 'completed',
    isBundle: false,
    isStateful: true,
    serviceDate: row.createdAt.toISOString(),
    startDate: row.completedAt?.toISOString(),
    endDate: serviceState(row) === 'inactive' ? row.endedAt?.toISOString() : undefined,
    serviceCharacteristic: chars,
    serviceSpecification: { id: row.taskType, name: row.taskType, '@referredType': 'ServiceSpecification' },
    serviceOrderItem: [{ serviceOrderId: row.serviceOrderId, itemId: row.taskType, role: 'provisioning task', '@referredType': 'ServiceOrder' }],
    supportingService: [{ id: row.serviceId, '@referredType': 'Service' }],
    relatedParty: [{ id: row.customerId, role: 'customer', '@referredType': 'Customer' }],
    note: row.operatorNote ? [{ text: row.operatorNote, date: row.updatedAt.toISOString(), author: 'operator' }] : undefined,
    '@type': 'Service',
  }) as provisioning.Tmf640Service;
}

function monitorState(row: TaskRow): provisioning.Tmf640Monitor['state'] {
  if (row.state === 'completed') return 'Completed';
  if (row.state === 'pending' || row.state === 'running') return 'InProgress';
  return 'InError';
}

export function toTmf640Monitor(row: TaskRow, href: Href): provisioning.Tmf640Monitor {
  const serviceHref = href(SERVICE_PATH, row.id);
  const state = monitorState(row);
  const monitor: provisioning.Tmf640Monitor = {
    id: row.id,
    href: href(MONITOR_PATH, row.id),
    sourceHref: serviceHref,
    state,
    // The request is the `provisioning.task.created` event SOM sent (activation requests arrive as events).
    request: {
      method: 'event',
      to: serviceHref,
      body: JSON.stringify({ serviceOrderId: row.serviceOrderId, orderId: row.orderId, serviceId: row.serviceId, taskType: row.taskType }),
      header: [
        { name: 'eventType', value: 'provisioning.task.created' },
        { name: 'serviceOrderId', value: row.serviceOrderId },
      ],
    },
    '@type': 'Monitor',
  };
  if (state !== 'InProgress') {
    monitor.response = {
      statusCode: state === 'Completed' ? '200' : row.state === 'stuck' ? '504' : '500',
      body: JSON.stringify({ state: row.state, attempts: row.attempts, permanent: row.permanent, lastError: row.lastError }),
      header: [{ name: 'taskState', value: row.state }],
    };
  }
  return monitor;
}
