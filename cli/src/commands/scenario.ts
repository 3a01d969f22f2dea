// `bss scenario list|validate|run|run-all`: the scenario engine over the running services. run-all skips scenarios
// tagged `llm` unless `--tag llm` asks for them (their ask: steps need the agent).
import { join } from 'node:path';
import { createOperationClients } from '@bss/operations';
import type { Command } from 'commander';
import { REPO_ROOT } from '../config.ts';
import { EXIT } from '../exit-codes.ts';
import { loadScenario, renderScenarioReport, renderSummary, runScenario, scenarioFiles, type RunnerEnv, type ScenarioResult } from '../scenarios/index.ts';
import type { CliRuntime } from '../runtime.ts';
import { withSpinner } from '../terminal.ts';

const DEFAULT_DIR = join(REPO_ROOT, 'scenarios');

function runnerEnv(rt: CliRuntime): RunnerEnv {
  const token = rt.config.token();
  return {
    token,
    urls: rt.config.urls,
    variables: rt.config.portalToken ? { portal_token: rt.config.portalToken } : {},
    clients: (actor, channel) => createOperationClients({ urls: rt.config.urls, token, actor, channel, kycSigningSecret: rt.config.kycSigningSecret }),
  };
}

export function addScenarioCommands(program: Command, rt: CliRuntime): void {
  const out = (s: string) => rt.io.stdout.write(`${s}\n`);
  const scenario = program.command('scenario').description('YAML regression scenarios over the running services');

  scenario
    .command('list')
    .description('List the scenarios of a directory: file, name, tags, steps')
    .argument('[dir]', 'directory', DEFAULT_DIR)
    .addHelpText('after', '\nExample:\n  $ bss scenario list scenarios\n')
    .action((dir: string) => {
      for (const file of scenarioFiles(dir)) {
        const l = loadScenario(file);
        out(l.ok ? `${file.split('/').at(-1)!.padEnd(36)} ${l.scenario.name.padEnd(34)} [${l.scenario.tags.join(', ')}] ${l.scenario.steps.length} steps` : `${file}  ✗ invalid`);
      }
    });

  scenario
    .command('validate')
    .description('Check scenario files against the format (unknown keys are errors)')
    .argument('<files...>', 'scenario files')
    .addHelpText('after', '\nExample:\n  $ bss scenario validate scenarios/*.yaml\n')
    .action((files: string[]) => {
      for (const file of files) {
        const l = loadScenario(file);
        out(l.ok ? `✓ ${file}` : `✗ ${file}\n${l.errors.map((e) => `    ${e}`).join('\n')}`);
        if (!l.ok) rt.exitCode = EXIT.error;
      }
    });

  scenario
    .command('run')
    .description('Run one scenario and print its report (exit 1 on failure, 2 when the file is invalid)')
    .argument('<file>', 'scenario file')
    .addHelpText('after', '\nExample:\n  $ bss scenario run scenarios/customer_signup_kyc_card.yaml\n')
    .action(async (file: string) => {
      const l = loadScenario(file);
      if (!l.ok) {
        rt.fail({ code: EXIT.policy, line: `invalid scenario ${file}:\n${l.errors.map((e) => `  ${e}`).join('\n')}` });
        return;
      }
      const r = await withSpinner(l.scenario.name, rt.config.spinner, rt.io.stderr, () => runScenario(l.scenario, runnerEnv(rt)));
      out(renderScenarioReport(r, rt.config.width));
      if (!r.ok) rt.exitCode = EXIT.error;
    });

  scenario
    .command('run-all')
    .description('Run every scenario of a directory (default set: all but those tagged llm), then a summary')
    .argument('[dir]', 'directory', DEFAULT_DIR)
    .option('--tag <tag>', 'only scenarios carrying this tag')
    .addHelpText('after', '\nExample:\n  $ bss scenario run-all scenarios --tag smoke\n')
    .action(async (dir: string, opts: { tag?: string }) => {
      const loaded = scenarioFiles(dir).map(loadScenario);
      const bad = loaded.filter((l) => !l.ok);
      if (bad.length) {
        rt.fail({ code: EXIT.policy, line: bad.map((b) => `invalid scenario ${b.file}:\n${(b as { errors: string[] }).errors.map((e) => `  ${e}`).join('\n')}`).join('\n') });
        return;
      }
      const env = runnerEnv(rt);
      const rows: (ScenarioResult | { name: string; skipped: string })[] = [];
      for (const l of loaded) {
        if (!l.ok) continue;
        const s = l.scenario;
        if (opts.tag ? !s.tags.includes(opts.tag) : s.tags.includes('llm')) {
          if (!opts.tag) rows.push({ name: s.name, skipped: 'tagged llm (needs the agent)' });
          continue;
        }
        const r = await withSpinner(s.name, rt.config.spinner, rt.io.stderr, () => runScenario(s, env));
        out(renderScenarioReport(r, rt.config.width));
        rows.push(r);
      }
      out(renderSummary(rows, rt.config.width));
      if (rows.some((r) => 'ok' in r && !r.ok)) rt.exitCode = EXIT.error;
    });
}
