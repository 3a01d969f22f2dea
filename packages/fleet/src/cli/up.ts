// `make up`: runs every service in the foreground and prints their URLs; Ctrl-C stops them cleanly.
// It first says which infrastructure it runs on: the PostgreSQL / RabbitMQ named by BSS_DB_URL / BSS_MQ_URL
// (or the local default ones) when they answer, else the embedded PostgreSQL (data in .bss/pg, port 55432)
// and the in-process event bus; BSS_EMBEDDED=1 forces those, BSS_EMBEDDED=0 forbids them (see infra-mode.ts).
// A local operator token (identity `default`, every scope) is generated once into .bss/api-token when
// BSS_API_TOKEN is not set; the services' own `system` token is derived from it (BSS_SYSTEM_API_TOKEN overrides).
// BSS_STATE_DIR moves .bss elsewhere (tests run `make up` in a scratch directory).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { LocalRun } from '../local-run.ts';

// Compiled (and type-stripped) modules are cached on disk: a warm start skips loading the TypeScript stripper
// and recompiling ~1,000 modules (DECISIONS.md, 2026-12-01 fleet memory and cold start). Enabled before the
// fleet's modules are imported, hence the dynamic import.
enableCompileCache();
const { startLocalRun } = await import('../local-run.ts');
const { settleHeapSoon } = await import('@bss/server-kit');

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const env = { ...process.env };
const stateDir = env.BSS_STATE_DIR ?? `${root}.bss`;
const shownDir = env.BSS_STATE_DIR ?? '.bss';
// Secrets a local run needs are generated once into .bss/ (gitignored) unless the environment sets them.
const localSecret = (file: string): string => {
  const path = `${stateDir}/${file}`;
  if (!existsSync(path)) {
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(path, `${randomBytes(24).toString('hex')}\n`, { mode: 0o600 });
  }
  return readFileSync(path, 'utf8').trim();
};
env.BSS_API_TOKEN ||= localSecret('api-token');
env.BSS_KYC_SIGNING_SECRET ||= localSecret('kyc-signing-secret');
env.BSS_KYC_DOCUMENT_PEPPER ||= localSecret('kyc-document-pepper');
// Local runs are for learning and scenarios: clock/reset admin is on unless explicitly set.
env.BSS_ALLOW_ADMIN_RESET ??= 'true';
env.BSS_LOG_LEVEL ??= 'warn';

// A Ctrl-C while starting lets the start finish and then stops everything (the embedded server runs in its
// own process group, so dying here would leave it running).
let interrupted: string | undefined;
const early = (signal: string) => {
  interrupted ??= signal;
  console.log(`\n${signal}: stopping as soon as the start has finished…`);
};
process.on('SIGINT', early);
process.on('SIGTERM', early);

let run: LocalRun;
try {
  run = await startLocalRun(env, { stateDir, embeddedPassword: localSecret('pg-password'), log: (line) => console.log(line) });
} catch (err) {
  console.error(`make up: ${(err as Error).message}`);
  process.exit(1);
}
// Compacts the heap the start left behind (no-op without --expose-gc, which start:fleet sets).
settleHeapSoon();
const parts = [run.choice.database.mode === 'embedded', run.choice.bus.mode === 'in-process'];
const mode = parts.every(Boolean) ? 'embedded mode' : parts.some(Boolean) ? 'mixed mode' : 'server mode';
console.log(`\nBSS-CLI is up (${mode}):\n`);
for (const line of run.describe()) console.log(`  ${line}`);
for (const line of run.choice.why) console.log(`  (${line})`);
console.log('');
for (const s of run.fleet.services) console.log(`  ${s.name.padEnd(18)} ${s.url}   docs ${s.url}/docs   openapi ${s.url}/openapi.json`);
console.log(`\nOperator API token (X-BSS-API-Token, every scope): ${env.BSS_API_TOKEN === process.env.BSS_API_TOKEN ? '$BSS_API_TOKEN' : `${shownDir}/api-token`}`);
console.log(`try: curl -s -H "X-BSS-API-Token: $(cat ${shownDir}/api-token)" ${run.fleet.services[0]?.url}/tmf-api/productCatalogManagement/v4/productOffering\n`);
console.log('Ctrl-C to stop.');

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping ${run.fleet.services.length} services${run.postgres ? ' and the embedded PostgreSQL' : ''}…`);
  run.stop().then(
    () => {
      console.log('stopped.');
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
};
process.off('SIGINT', early);
process.off('SIGTERM', early);
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
if (interrupted) stop(interrupted);
