// The ServiceModule as the runtime sees it: config parsing with payment's extras and provider resolution.
import { ConfigError, loadServiceConfig } from '@bss/config';
import { createTestDatabase, testPlatform, type TestDatabase } from '@bss/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModuleConfig } from '@bss/server-kit';
import { service } from '../src/service.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

const env = { BSS_DB_URL: 'postgres://postgres@127.0.0.1:5432/bss', BSS_MQ_URL: 'amqp://guest:guest@127.0.0.1:5672', BSS_API_TOKEN: 'a'.repeat(40) };

describe('payment service module', () => {
  it('is named payment on port 8003 with its own outbox and the mock provider by default', async () => {
    expect(service).toMatchObject({ name: 'payment', version: '0.1.0', outboxSchema: 'payment' });
    const cfg = loadModuleConfig(service, env);
    expect(cfg.port).toBe(8003);
    expect(cfg.extra).toMatchObject({ BSS_PAYMENT_PROVIDER: 'mock' });
    expect(cfg.extra).toMatchObject({ BSS_PAYMENT_RECONCILE_AFTER_MS: 300_000, BSS_PAYMENT_RECONCILE_INTERVAL_MS: 30_000 });
    const platform = testPlatform('payment', db, { extraEnv: service.extraEnv });
    const app = await service.build(platform);
    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.json()).toMatchObject({ status: 'ok', service: 'payment' });
    // The runtime starts one worker: the reconciler of pending attempts.
    const workers = service.workers?.(platform) ?? [];
    expect(workers).toHaveLength(1);
    expect(await (workers[0] as unknown as { runOnce(): Promise<unknown> }).runOnce()).toEqual({ examined: 0, completed: 0, unreachable: 0 });
    await app.close();
  });

  it('lists a bad provider together with the other bad keys at start-up', () => {
    try {
      loadServiceConfig('payment', { ...env, BSS_PAYMENT_PROVIDER: 'stripe', BSS_PAYMENT_PORT: 'x' }, service.extraEnv);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).issues.map((i) => i.key).sort()).toEqual(['BSS_PAYMENT_PORT', 'BSS_PAYMENT_PROVIDER']);
    }
  });
});
