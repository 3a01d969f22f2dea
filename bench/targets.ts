// The servers under test, run in a child process of bench/run.ts so the load generator does not share their
// event loop: the catalog (through the fleet, as `make up` runs it) and a bare Fastify + pg baseline.
import { startFleet } from '@bss/fleet';
import Fastify from 'fastify';
import pg from 'pg';

const dbUrl = process.env.BSS_DB_URL!;
const fleet = await startFleet({ ...process.env, BSS_CATALOG_PORT: '18001', BSS_LOG_LEVEL: 'warn' }, ['catalog']);
const pool = new pg.Pool({ connectionString: dbUrl, max: 10 });
const baseline = Fastify();
baseline.get('/offerings', async () => (await pool.query('SELECT id, name FROM catalog.product_offering ORDER BY id LIMIT 20')).rows);
await baseline.listen({ port: 18099, host: '127.0.0.1' });
process.stdout.write(`READY ${fleet.url('catalog')} http://127.0.0.1:18099\n`);

process.once('SIGTERM', async () => {
  await baseline.close();
  await pool.end();
  await fleet.stop();
  process.exit(0);
});
