// Runs one `bss` invocation: builds the command tree, parses argv, returns the exit code (never calls process.exit
// itself, so tests run it in-process).
import { CommanderError } from 'commander';
import { completions } from './commands/completion.ts';
import { EXIT, failureOf } from './exit-codes.ts';
import { buildProgram } from './program.ts';
import { createRuntime, type CliIo } from './runtime.ts';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let rt;
  try {
    rt = createRuntime(io);
  } catch (err) {
    io.stderr.write(`${failureOf(err).line}\n`);
    return EXIT.error;
  }
  const program = buildProgram(rt);
  if (argv[0] === '__complete') {
    // Asked by the completion scripts; outside commander so partial flags are not parsed as options.
    io.stdout.write(completions(program, argv.slice(1)).join('\n') + '\n');
    return EXIT.ok;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors are printed by commander already.
      return err.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    rt.fail(failureOf(err));
  }
  return rt.exitCode;
}
