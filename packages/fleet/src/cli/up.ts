// `make up`: runs every service in the foreground and prints their URLs; Ctrl-C stops them cleanly.
// A local operator token (identity `default`, every scope) is generated once into .bss/api-token when
// BSS_API_TOKEN is not set; the services' own `system` token is derived from it (BSS_SYSTEM_API_TOKEN overrides).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

// Compiled (and type-stripped) modules are cached on disk: a warm start skips loading the TypeScript stripper
// and recompiling ~1,000 modules (DECISIONS.md, 2026-12-01 fleet memory and cold start). Enabled before the
// fleet's modules are imported, hence the dynamic import.
enableCompileCache();
const { startFleet } = await import('../fleet.ts');

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const env = { ...process.env };
// Secrets a local run needs are generated once into .bss/ (gitignored) unless the environment sets them.
const localSecret = (name: string, file: string): string => {
  const path = `${root}.bss/${file}`;
  if (!existsSync(path)) {
    mkdirSync(`${root}.bss`, { recursive: true });
    writeFileSync(path, `${randomBytes(24).toString('hex')}\n`, { mode: 0o600 });
  }
  return (env[name] = readFileSync(path, 'utf8').trim());
};
if (!env.BSS_API_TOKEN) localSecret('BSS_API_TOKEN', 'api-token');
if (!env.BSS_KYC_SIGNING_SECRET) localSecret('BSS_KYC_SIGNING_SECRET', 'kyc-signing-secret');
if (!env.BSS_KYC_DOCUMENT_PEPPER) localSecret('BSS_KYC_DOCUMENT_PEPPER', 'kyc-document-pepper');
// Local runs are for learning and scenarios: clock/reset admin is on unless explicitly set.
env.BSS_ALLOW_ADMIN_RESET ??= 'true';
env.BSS_LOG_LEVEL ??= 'warn';

const fleet = await startFleet(env).catch((err: Error) => {
  console.error(`make up: ${err.message}`);
  process.exit(1);
});
console.log('\nBSS-CLI is up:\n');
for (const s of fleet.services) console.log(`  ${s.name.padEnd(18)} ${s.url}   docs ${s.url}/docs   openapi ${s.url}/openapi.json`);
console.log(`\nOperator API token (X-BSS-API-Token, every scope): ${env.BSS_API_TOKEN === process.env.BSS_API_TOKEN ? '$BSS_API_TOKEN' : '.bss/api-token'}`);
console.log(`try: curl -s -H "X-BSS-API-Token: $(cat .bss/api-token)" ${fleet.services[0]?.url}/tmf-api/productCatalogManagement/v4/productOffering\n`);
console.log('Ctrl-C to stop.');

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping ${fleet.services.length} services…`);
  fleet.stop().then(
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
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
