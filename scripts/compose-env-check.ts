// `make compose-check`: for each compose file given, parse it as compose would (under this shell's environment)
// and run each BSS container's environment through its service's config loader. Exits 1 listing every problem.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkCompose } from './compose-env.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/compose-env-check.ts <compose file>...');
  process.exit(2);
}
let failed = false;
for (const file of files) {
  const problems = await checkCompose(readFileSync(file, 'utf8'), process.env, root);
  for (const p of problems) console.error(`${file}: ${p.service}: ${p.message}`);
  if (problems.length) failed = true;
  else console.log(`${file}: ok`);
}
process.exit(failed ? 1 : 0);
