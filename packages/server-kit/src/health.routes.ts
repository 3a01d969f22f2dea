// Liveness (/health: the process answers) and readiness (/ready: database and broker reachable, else 503).
import { z } from 'zod';
import type { App } from './app.ts';

const Health = z.object({ status: z.literal('ok'), service: z.string(), version: z.string() }).meta({ id: 'Health' });
const Readiness = z
  .object({
    status: z.enum(['ready', 'unavailable']),
    service: z.string(),
    checks: z.object({ database: z.enum(['up', 'down']), broker: z.enum(['up', 'down']) }),
  })
  .meta({ id: 'Readiness' });

export interface ReadinessProbe {
  database(): Promise<boolean>;
  broker(): boolean;
}

/** Registers `/health` and `/ready`. */
export function registerHealthRoutes(app: App, service: string, version: string, probe: ReadinessProbe): void {
  app.get('/health', { schema: { tags: ['Ops'], response: { 200: Health } } }, async () => ({ status: 'ok' as const, service, version }));
  app.get('/ready', { schema: { tags: ['Ops'], response: { 200: Readiness, 503: Readiness } } }, async (_req, reply) => {
    const database = (await probe.database()) ? ('up' as const) : ('down' as const);
    const broker = probe.broker() ? ('up' as const) : ('down' as const);
    const ready = database === 'up' && broker === 'up';
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', service, checks: { database, broker } });
  });
}
