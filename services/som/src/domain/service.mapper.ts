// Row → TMF638 Service. TMF638 has no `failed` state: a service that failed before it ran reads `terminated`
// (never enabled, never started) and its SOM state is the `bssState` characteristic. The CFS's resources and the
// eSIM activation code are characteristics, with the progress of its four provisioning tasks.
import { som } from '@bss/contracts';
import { omitEmpty } from '@bss/server-kit';
import type { ServiceView } from '../repositories/service.query.ts';
import type { ServiceState } from './service.state.ts';

export const TMF638_PATH = som.TMF638_PATH;

type Tmf638State = som.Service['state'];
const TMF_STATE: Record<ServiceState, Tmf638State> = {
  designed: 'designed',
  reserved: 'reserved',
  activated: 'active',
  terminated: 'terminated',
  failed: 'terminated',
};

export const toTmfServiceState = (s: ServiceState): Tmf638State => TMF_STATE[s];

export function internalServiceStates(tmf: string): ServiceState[] {
  return (Object.keys(TMF_STATE) as ServiceState[]).filter((s) => TMF_STATE[s] === tmf);
}

const NAMES: Record<string, string> = { MobileBroadband: 'Mobile broadband', DataService: 'Data service', VoiceService: 'Voice service' };
const text = (name: string, value: string) => ({ name, valueType: 'string', value });

export function toService(v: ServiceView, href: (path: string, id: string) => string): som.Service {
  const s = v.service;
  const ref = (id: string) => ({ id, href: href(TMF638_PATH, id), '@referredType': 'Service' as const });
  const characteristic = [text('bssState', s.state)];
  if (s.kind === 'CFS') {
    for (const [name, value] of [['msisdn', s.msisdn], ['iccid', s.iccid], ['imsi', s.imsi], ['activationCode', s.activationCode]] as const) {
      if (value) characteristic.push(text(name, value));
    }
    if (v.tasks.length) {
      characteristic.push({ name: 'provisioningTasks', valueType: 'object', value: Object.fromEntries(v.tasks.map((t) => [t.taskType, t.state])) as never });
    }
  }
  const relatedEntity = [{ id: s.orderId, role: 'productOrder', '@referredType': 'ProductOrder' }];
  if (s.subscriptionId) relatedEntity.push({ id: s.subscriptionId, role: 'subscription', '@referredType': 'Subscription' });
  return omitEmpty({
    id: s.id,
    href: href(TMF638_PATH, s.id),
    name: NAMES[s.specId] ?? s.specId,
    category: s.kind === 'CFS' ? 'CustomerFacingService' : 'ResourceFacingService',
    serviceType: s.kind,
    state: toTmfServiceState(s.state),
    isServiceEnabled: s.state === 'activated',
    hasStarted: s.activatedAt !== null,
    startDate: s.activatedAt?.toISOString(),
    endDate: s.endedAt?.toISOString(),
    serviceSpecification: { id: s.specId, name: s.specId, '@referredType': 'ServiceSpecification' as const },
    serviceCharacteristic: characteristic,
    relatedParty: [{ id: s.customerId, role: 'customer', '@referredType': 'Customer' }],
    relatedEntity,
    serviceOrderItem: s.kind === 'CFS' && v.itemId ? [{ serviceOrderId: s.serviceOrderId, itemId: v.itemId, itemAction: 'add', role: 'created by' }] : null,
    supportingService: s.kind === 'CFS' && v.childIds.length ? v.childIds.map(ref) : null,
    serviceRelationship: s.parentServiceId ? [{ relationshipType: 'supports', service: ref(s.parentServiceId) }] : null,
  }) as som.Service;
}
