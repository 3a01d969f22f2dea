// Writes docs/operations.md from the operation registry; `--check` fails (exit 1) when the committed file drifts.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderOperationsDoc } from '@bss/operations';

const path = fileURLToPath(new URL('../docs/operations.md', import.meta.url));
const doc = `${renderOperationsDoc()}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // missing counts as drift
  }
  if (current !== doc) {
    console.error('docs/operations.md is out of date with the operation registry: run `pnpm operations:doc`');
    process.exit(1);
  }
  console.log('operations doc: up to date');
} else {
  writeFileSync(path, doc);
  console.log(`wrote ${path}`);
}
