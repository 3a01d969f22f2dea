// Generates one commander command per registry operation: positional arguments and --flags from its zod input
// (nothing re-declared here), `--json` for machine output, `--allow-destructive` on destructive ones (checked before
// any HTTP call), `--help` with the description and an example.
import { type Command, Option } from 'commander';
import { inputFields, OPERATIONS, type AnyOperation, type InputField } from '@bss/operations';
import { DESTRUCTIVE_RULE, EXIT } from '../exit-codes.ts';
import type { CliRuntime } from '../runtime.ts';

const kebab = (key: string) => key.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
/** commander's camelCase attribute name of a --flag. */
const attr = (flag: string) => flag.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/** The flag of an input key: the binding's override, else the kebab-cased key. */
export const flagName = (op: AnyOperation, key: string) => (op.cli.flags as Record<string, string> | undefined)?.[key] ?? kebab(key);

const describe = (f: InputField) => [f.required ? '(required)' : '', f.description, f.enum ? `(${f.enum.join(' | ')})` : '', f.default !== undefined ? `[default: ${JSON.stringify(f.default)}]` : ''].filter(Boolean).join(' ');

/** Finds or creates the group command at `path` under `root`. */
function group(root: Command, path: readonly string[]): Command {
  let at = root;
  for (const name of path) {
    at = at.commands.find((c) => c.name() === name) ?? at.command(name).description(`${name} commands`);
  }
  return at;
}

/** Adds `op` as a command of `root`. */
export function addOperationCommand(root: Command, op: AnyOperation, rt: CliRuntime): Command {
  const parent = group(root, op.cli.command.slice(0, -1));
  const cmd = parent.command(op.cli.command.at(-1)!).description(op.summary);
  const fields = inputFields(op);
  const positional = (op.cli.positional ?? []) as string[];
  for (const key of positional) {
    const f = fields.find((x) => x.key === key)!;
    cmd.argument(f.required ? `<${key}>` : `[${key}]`, describe(f));
  }
  for (const f of fields.filter((x) => !positional.includes(x.key))) {
    const flag = flagName(op, f.key);
    const o = new Option(f.type === 'boolean' ? `--${flag}` : `--${flag} <${f.type === 'string' ? 'value' : f.type}>`, describe(f));
    if (f.enum) o.choices(f.enum);
    if (f.required) o.makeOptionMandatory();
    cmd.addOption(o);
  }
  cmd.option('--json', 'print the result as JSON (stable machine output)');
  if (op.destructive) cmd.option('--allow-destructive', 'required: this command is destructive');
  cmd.addHelpText('after', `\n${op.description}\n\nExample:\n  $ ${op.cli.example}\n`);
  cmd.action(async (...args: unknown[]) => {
    const opts = (args[positional.length] ?? {}) as Record<string, unknown>;
    if (op.destructive && !opts.allowDestructive) {
      rt.fail({ code: EXIT.policy, line: `POLICY_VIOLATION ${DESTRUCTIVE_RULE} ${op.name} is destructive; re-run with --allow-destructive` });
      return;
    }
    const raw: Record<string, unknown> = {};
    positional.forEach((key, i) => args[i] !== undefined && (raw[key] = args[i]));
    for (const f of fields) {
      const v = opts[attr(flagName(op, f.key))];
      if (v !== undefined && !positional.includes(f.key)) raw[f.key] = v;
    }
    await rt.runOperation(op, raw, { json: Boolean(opts.json) });
  });
  return cmd;
}

/** Every registry operation as a command. */
export function addOperationCommands(root: Command, rt: CliRuntime): void {
  for (const op of OPERATIONS.values()) addOperationCommand(root, op, rt);
}
