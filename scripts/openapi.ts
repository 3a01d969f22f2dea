// Writes each service's OpenAPI document to services/<svc>/openapi.json, or with --check fails when a
// committed document differs from what the code generates (the contract drifted without review).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDatabase } from '@bss/db';
import { discoverServices } from '@bss/fleet';
import { testPlatform } from '@bss/testing';

const check = process.argv.includes('--check');
const root = fileURLToPath(new URL('..', import.meta.url));
let drift = 0;
for (const mod of await discoverServices()) {
  // Building an app never connects: the pool is lazy and the bus is in memory.
  const database = createDatabase('postgres://postgres@127.0.0.1:5432/openapi_unused', { max: 1 });
  // Placeholder secrets: only the route schemas matter here.
  const env = { BSS_KYC_SIGNING_SECRET: 'openapi-placeholder-secret-0123456789abcdef', BSS_KYC_DOCUMENT_PEPPER: 'openapi-placeholder-pepper-0123456789abcdef' };
  const platform = testPlatform(mod.name, database, { env, outboxSchema: mod.outboxSchema, ...(mod.extraEnv ? { extraEnv: mod.extraEnv } : {}) });
  const app = await mod.build(platform as never);
  await app.ready();
  const doc = `${JSON.stringify(app.swagger(), null, 2)}\n`;
  await app.close();
  await database.close();
  const file = `${root}services/${mod.name}/openapi.json`;
  if (check) {
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {
      /* missing counts as drift */
    }
    if (committed !== doc) {
      drift++;
      console.error(`openapi: services/${mod.name}/openapi.json is out of date — run \`pnpm openapi\` and commit it`);
    }
  } else {
    writeFileSync(file, doc);
    console.log(`openapi: wrote services/${mod.name}/openapi.json`);
  }
}
if (drift) process.exit(1);
if (check) console.log('openapi: committed documents match the code');
