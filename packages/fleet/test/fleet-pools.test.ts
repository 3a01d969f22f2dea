// The one-process fleet opens one request pool and one relay pool per database, whatever the number of
// services (nine services with their own pools would pass Postgres's default max_connections).
import { loadServiceConfig, type ServiceName } from '@bss/config';
import { borrowed } from '@bss/server-kit';
import { describe, expect, it } from 'vitest';
import { FLEET_POOL_FACTOR, fleetPools, RELAY_CONNECTIONS_PER_SERVICE } from '../src/fleet-pools.ts';

const NAMES: ServiceName[] = ['catalog', 'crm', 'payment'];
const env = (url: string) => ({ BSS_DB_URL: url, BSS_MQ_URL: 'amqp://guest:guest@127.0.0.1:5672', BSS_API_TOKEN: 'fleet-pools-test-token-0123456789' });

describe('fleet pools', () => {
  it('hands every service of one database the same two pools, sized for the whole fleet', async () => {
    const configs = NAMES.map((n) => loadServiceConfig(n, env('postgres://postgres@127.0.0.1:5432/never_connected')));
    const pools = fleetPools(configs);
    const [a, b, c] = configs.map((cfg) => pools.for(cfg));
    expect(a!.database).toBe(b!.database);
    expect(b!.relayDatabase).toBe(c!.relayDatabase);
    expect(a!.database.pool.options.max).toBe(FLEET_POOL_FACTOR * configs[0]!.dbPoolMax);
    // one LISTEN connection per relay plus one for its batches
    expect(a!.relayDatabase.pool.options.max).toBe(NAMES.length * RELAY_CONNECTIONS_PER_SERVICE);
    await pools.close();
  });

  it('keeps separate pools for services on different databases', async () => {
    const configs = [loadServiceConfig('catalog', env('postgres://postgres@127.0.0.1:5432/db_one')), loadServiceConfig('crm', env('postgres://postgres@127.0.0.1:5432/db_two'))];
    const pools = fleetPools(configs);
    expect(pools.for(configs[0]!).database).not.toBe(pools.for(configs[1]!).database);
    await pools.close();
  });

  it("lets a service close its handle without closing the fleet's pool", async () => {
    const configs = [loadServiceConfig('catalog', env('postgres://postgres@127.0.0.1:5432/never_connected'))];
    const pools = fleetPools(configs);
    const shared = pools.for(configs[0]!).database;
    await borrowed(shared).close();
    expect(shared.pool.ending).toBe(false);
    await pools.close();
    expect(shared.pool.ending).toBe(true);
  });
});
