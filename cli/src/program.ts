// The `bss` command tree: every registry operation (generated), plus `scenario` and `completion`.
import { Command } from 'commander';
import { addCompletionCommand } from './commands/completion.ts';
import { addOperationCommands } from './commands/operations.ts';
import { addScenarioCommands } from './commands/scenario.ts';
import type { CliRuntime } from './runtime.ts';

export function buildProgram(rt: CliRuntime): Command {
  const program = new Command('bss')
    .description('Operate the BSS from a terminal: every capability is a typed operation; results are ASCII cards (--json for machines).')
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => rt.io.stdout.write(s), writeErr: (s) => rt.io.stderr.write(s) })
    .exitOverride()
    .addHelpText(
      'after',
      '\nExit codes: 0 ok · 1 error · 2 policy violation or gated destructive command · 3 not found · 4 downstream unavailable\n\nExample:\n  $ bss customer list --state active\n',
    );
  addOperationCommands(program, rt);
  addScenarioCommands(program, rt);
  addCompletionCommand(program, rt);
  // Groups get an example too (commander shows it under `bss <group> --help`).
  for (const g of program.commands) {
    const first = g.commands[0];
    if (first) g.addHelpText('after', `\nExample:\n  $ bss ${g.name()} ${first.name()} --help\n`);
  }
  return program;
}
