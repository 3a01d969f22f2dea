// Shared set-up of the embedded-mode tests: env that forces embedded mode (BSS_EMBEDDED=1) on ports away from
// the system servers (the real PostgreSQL on 5432 is neither used nor touched), with fresh secrets.
import { randomBytes } from 'node:crypto';
import { envStem, SERVICE_NAMES, type ServiceName } from '@bss/config';

/** The services the embedded proofs start: everything an order needs to become an active line. */
export const SERVICES: ServiceName[] = ['catalog', 'crm', 'payment', 'com', 'som', 'subscription', 'provisioning-sim'];

/** A port for the embedded PostgreSQL in 61000–64999: never 5432, nor make up's 55432 or the tests' 55433. */
// Above Linux's ephemeral range (32768–60999): a port in it can be held by any client socket of the suite.
export const embeddedPgPort = () => 61000 + Math.floor(Math.random() * 4000);

/** Ports of every known service for one test run (a random block, like tests/e2e/fleet.test.ts): `make up` starts whichever exist. */
export function servicePorts(): Record<ServiceName, number> {
  const base = 24000 + Math.floor(Math.random() * 800) * 20;
  return Object.fromEntries(SERVICE_NAMES.map((s, i) => [s, base + i + 1])) as Record<ServiceName, number>;
}

/** Env of an embedded run: forced embedded mode, this run's ports and secrets, quiet logs. */
export function embeddedEnv(ports: Record<ServiceName, number>, pgPort: number, token: string): Record<string, string> {
  const stem = envStem;
  return {
    BSS_EMBEDDED: '1',
    BSS_EMBEDDED_PG_PORT: String(pgPort),
    BSS_API_TOKEN: token,
    BSS_KYC_SIGNING_SECRET: randomBytes(24).toString('hex'),
    BSS_KYC_DOCUMENT_PEPPER: randomBytes(24).toString('hex'),
    BSS_ALLOW_ADMIN_RESET: 'true',
    BSS_LOG_LEVEL: 'silent',
    BSS_PROVISIONING_TASK_DURATION_MS: '0',
    ...Object.fromEntries(SERVICE_NAMES.flatMap((s) => [[`BSS_${stem(s)}_PORT`, String(ports[s])], [`BSS_${stem(s)}_URL`, `http://127.0.0.1:${ports[s]}`]])),
  };
}

/** Polls `fn` until it returns a value; fails naming `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
