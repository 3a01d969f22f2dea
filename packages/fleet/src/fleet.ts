// The fleet launcher: starts any set of services in one Node process, each on its own port with its own
// platform (bus, clock, relay) — no shared domain state, as if each ran in its container. Two things are
// shared by the process: the Postgres pools (see fleetPools) and, opt-in, an in-process broker (no RabbitMQ),
// of which every service's bus is a client, as every service's AMQP bus is a client of the one RabbitMQ.
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isServiceName, SERVICE_PORTS, type ServiceName } from '@bss/config';
// server-kit before events: the generated OpenAPI documents list shared schemas in module-evaluation order.
import { loadModuleConfig, startService, type RunningService, type ServiceModule } from '@bss/server-kit';
import { installProcessBroker, type InProcessBroker } from '@bss/events';
import { fleetPools } from './fleet-pools.ts';

const SERVICES_DIR = fileURLToPath(new URL('../../../services/', import.meta.url));

/** Every service module present in services/*, in port order. */
export async function discoverServices(): Promise<ServiceModule[]> {
  const names = (await readdir(SERVICES_DIR, { withFileTypes: true })).filter((e) => e.isDirectory() && isServiceName(e.name)).map((e) => e.name as ServiceName);
  const modules: ServiceModule[] = [];
  for (const name of names) {
    const url = pathToFileURL(`${SERVICES_DIR}${name}/src/service.ts`).href;
    let mod: { service?: ServiceModule };
    try {
      mod = (await import(url)) as { service?: ServiceModule };
    } catch (err) {
      // A service folder without a service.ts yet is not part of the fleet; any other import error is fatal.
      if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String(err).includes(`${name}/src/service.ts`)) continue;
      throw err;
    }
    if (!mod.service || mod.service.name !== name) throw new Error(`services/${name}/src/service.ts must export \`service\` (a ServiceModule named '${name}')`);
    modules.push(mod.service);
  }
  return modules.sort((a, b) => SERVICE_PORTS[a.name] - SERVICE_PORTS[b.name]);
}

/** A running fleet. */
export interface Fleet {
  services: RunningService[];
  url(name: ServiceName): string;
  stop(): Promise<void>;
}

/** How the fleet's services reach each other's events. */
export interface FleetOptions {
  /** Run the event plane on this broker instead of RabbitMQ (installed for the process while the fleet runs). */
  broker?: InProcessBroker;
  /** One request pool and one relay pool for the process (default) or, false, two pools per service as alone. */
  sharedPools?: boolean;
}

/**
 * Starts `names` (default: every discovered service) with config parsed from `env` per service, concurrently;
 * `services` lists them in port order. If one fails to start, the others are stopped once they have started
 * and the first error (in port order) is rethrown.
 */
export async function startFleet(env: Record<string, string | undefined>, names?: ServiceName[], opts: FleetOptions = {}): Promise<Fleet> {
  const modules = (await discoverServices()).filter((m) => !names || names.includes(m.name));
  const missing = names?.filter((n) => !modules.some((m) => m.name === n)) ?? [];
  if (missing.length) throw new Error(`no such service module: ${missing.join(', ')}`);
  const configs = modules.map((m) => loadModuleConfig(m, env));
  const uninstall = opts.broker ? installProcessBroker(opts.broker) : () => {};
  const pools = fleetPools(opts.sharedPools === false ? [] : configs);
  // All at once: a start is mostly waiting (the broker connection declaring the whole topology — ~120
  // round trips per service —, the relay's LISTEN, the listener), and nothing in one service's start needs
  // another's. Every bus declares the whole topology before its relay starts, so no relay publishes before
  // the queues exist, whichever service comes up first (DECISIONS.md, 2026-12-01 fleet cold start).
  const settled = await Promise.allSettled(modules.map((mod, i) => startService(mod, configs[i]!, opts.sharedPools === false ? undefined : pools.for(configs[i]!))));
  const running = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) {
    for (const r of running.reverse()) await r.stop().catch(() => {});
    await pools.close();
    uninstall();
    throw failed.reason;
  }
  return {
    services: running,
    url(name) {
      const s = running.find((r) => r.name === name);
      if (!s) throw new Error(`${name} is not running in this fleet`);
      return s.url;
    },
    async stop() {
      try {
        for (const r of [...running].reverse()) await r.stop();
      } finally {
        await pools.close();
        uninstall();
      }
    },
  };
}
