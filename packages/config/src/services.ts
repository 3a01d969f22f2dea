// The service directory: names, default ports and the env-var stem each one is configured under.

/** Every backend service with its default host port (8009 is reserved for a deferred billing service). */
export const SERVICE_PORTS = {
  catalog: 8001,
  crm: 8002,
  payment: 8003,
  com: 8004,
  som: 8005,
  subscription: 8006,
  mediation: 8007,
  rating: 8008,
  'provisioning-sim': 8010,
} as const;

/** A backend service name. */
export type ServiceName = keyof typeof SERVICE_PORTS;

/** All service names in port order. */
export const SERVICE_NAMES = Object.keys(SERVICE_PORTS) as ServiceName[];

/** The env-var stem of a service: `BSS_<STEM>_URL`, `BSS_<STEM>_PORT`. */
export function envStem(service: ServiceName): string {
  return service === 'provisioning-sim' ? 'PROVISIONING' : service.toUpperCase();
}

/** Type guard for a service name. */
export function isServiceName(name: string): name is ServiceName {
  return Object.hasOwn(SERVICE_PORTS, name);
}
