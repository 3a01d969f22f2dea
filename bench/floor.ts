// The floor every read is compared with, in its own process: bare Fastify + node-postgres, one query by primary
// key (a CRM customer row), the same pool size as a service (10). Nothing a real service needs (auth, tenancy,
// validation, tracing, mapping) — the ratio to it is what our stack costs per read.
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.BSS_DB_URL!, max: 10 });
const app = Fastify();
app.get<{ Params: { id: string } }>('/customer/:id', async (req, reply) => {
  const { rows } = await pool.query({ name: 'floor', text: 'SELECT * FROM crm.customer WHERE id = $1', values: [req.params.id] });
  return rows[0] ?? reply.code(404).send({ code: 'not_found' });
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`READY ${address}\n`);
// CPU time so far (µs), as bench/fleet.ts answers it: the floor's CPU per request is measured the same way.
process.on('message', (msg) => {
  if (msg !== 'cpu') return;
  const c = process.cpuUsage();
  process.send?.({ cpu: c.user + c.system });
});
process.once('SIGTERM', async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});
