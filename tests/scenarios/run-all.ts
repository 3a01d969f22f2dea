// `make scenarios`: the default scenario set (every scenarios/*.yaml not tagged llm) against a fleet of its own.
// It starts every service in this process on free ports (never the 8001… ports a `make up` may hold) over a fresh
// database and its own broker objects, runs `bss scenario run-all` in-process against it, prints each report and
// the summary, tears everything down and exits with the CLI's code (1 when any scenario failed). To run the set
// against a running `make up` instead: `pnpm bss scenario run-all`.
import { runCli } from '@bss/cli';
import { startScenarioFleet } from './scenario-fleet.ts';

const args = process.argv.slice(2);
const started = performance.now();
process.stderr.write('scenarios: starting a fleet of its own (free ports, fresh database)…\n');
const f = await startScenarioFleet({ prepareTemplate: true });
process.stderr.write(`scenarios: fleet up in ${Math.round(performance.now() - started)} ms\n`);
let code = 1;
try {
  code = await runCli(['scenario', 'run-all', ...args], { stdout: process.stdout, stderr: process.stderr, env: { ...f.cliEnv, ...(process.env.NO_COLOR !== undefined ? { NO_COLOR: '1' } : {}) } });
} finally {
  await f.stop();
}
process.exit(code);
