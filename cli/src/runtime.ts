// What a command needs at run time: output streams, settings, the clients (built on first use, so a command that
// calls no service needs no token) and the one place that turns a result or an error into output and an exit code.
import { createOperationClients, type AnyOperation, type OperationClients } from '@bss/operations';
import { type z } from 'zod';
import { loadCliConfig, type CliConfig } from './config.ts';
import { EXIT, failureOf, type Failure } from './exit-codes.ts';
import { colorError, colorize, withSpinner } from './terminal.ts';

/** Where the CLI writes and what it reads; injected so tests run it in-process. */
export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: Record<string, string | undefined>;
}

export interface CliRuntime {
  io: CliIo;
  config: Omit<CliConfig, 'token'> & { token: () => string };
  /** The clients, built on first use with actor `cli-user`, channel `cli`. */
  clients(): OperationClients;
  /** Validates `raw` with the operation's input, runs it and prints the card or JSON; sets the exit code. */
  runOperation(op: AnyOperation, raw: Record<string, unknown>, opts: { json: boolean }): Promise<void>;
  fail(f: Failure): void;
  exitCode: number;
}

/** Names each bad input as the CLI user typed it. */
const issuesLine = (err: z.ZodError) => err.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');

export function createRuntime(io: CliIo): CliRuntime {
  const config = loadCliConfig(io.env, { stdout: Boolean(io.stdout.isTTY), stderr: Boolean(io.stderr.isTTY), columns: io.stdout.columns });
  let clients: OperationClients | undefined;
  const rt: CliRuntime = {
    io,
    config,
    exitCode: EXIT.ok,
    clients: () =>
      (clients ??= createOperationClients({ urls: config.urls, token: config.token(), actor: 'cli-user', channel: 'cli', kycSigningSecret: config.kycSigningSecret })),
    fail(f) {
      io.stderr.write(`${colorError(f.line, config.color)}\n`);
      rt.exitCode = f.code;
    },
    async runOperation(op, raw, { json }) {
      const parsed = op.input.safeParse(raw);
      if (!parsed.success) return rt.fail({ code: EXIT.error, line: `invalid input: ${issuesLine(parsed.error)}` });
      try {
        const result = await withSpinner(op.name, config.spinner && !json, io.stderr, (progress) => op.run(rt.clients(), parsed.data, { progress }));
        io.stdout.write(`${json ? JSON.stringify(result, null, 2) : colorize(op.render(result, { width: config.width }), config.color)}\n`);
        // A wait that gave up printed what it saw; the exit code says it did not end (a script must not go on).
        if ((result as { waitTimedOut?: boolean } | null)?.waitTimedOut) rt.fail({ code: EXIT.error, line: `timeout: ${op.name} did not reach a terminal state in time` });
      } catch (err) {
        // With --json a machine caller also gets the envelope on stdout (the one-line summary stays on stderr).
        const e = err as { code?: unknown; reason?: unknown; message?: unknown; context?: unknown };
        if (json && typeof e?.code === 'string') io.stdout.write(`${JSON.stringify({ error: { code: e.code, reason: e.reason, message: e.message, context: e.context ?? {} } }, null, 2)}\n`);
        rt.fail(failureOf(err));
      }
    },
  };
  return rt;
}
