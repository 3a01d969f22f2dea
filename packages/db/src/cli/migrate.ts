// `pnpm migrate`: creates the database if needed, applies migrations and seeds reference data.
import { fileURLToPath } from 'node:url';
import { ensureDatabase, migrate } from '../migrate.ts';

const url = process.env.BSS_DB_URL;
if (!url) {
  console.error('BSS_DB_URL is required');
  process.exit(2);
}
const dir = fileURLToPath(new URL('../../../../migrations', import.meta.url));
if (await ensureDatabase(url)) console.log(`created database ${new URL(url).pathname.slice(1)}`);
const { applied, seeded } = await migrate({ url, dir, log: (l) => console.log(l) });
console.log(`migrate: ${applied.length} applied, ${seeded.length} seed files run`);
