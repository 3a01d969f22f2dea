// The shape of one operation: a capability declared once (name, description, zod input, typed-client call,
// destructive flag, renderer) from which the CLI commands, the scenario `action:` vocabulary, docs/operations.md
// and later the LLM agent's tools are all generated. Nothing downstream re-declares an input.
import type { ServiceName } from '@bss/config';
import type { z } from 'zod';
import type { OperationClients } from './clients.ts';

/** How an operation changes state: R read, C create, U update, D delete/terminal (the reference's TOOL_SURFACE letters). */
export type OperationKind = 'read' | 'create' | 'update' | 'delete' | 'admin';

/** How the CLI exposes an operation. Flags are derived from the input schema's keys (camelCase → --kebab-case). */
export interface CliBinding<K extends string> {
  /** The command path, e.g. ['customer', 'create'] → `bss customer create`. */
  command: readonly string[];
  /** Input keys taken as positional arguments, in order (e.g. ['customerId'] → `bss customer show <customerId>`). */
  positional?: readonly K[];
  /** Flag names that differ from the kebab-cased key, e.g. { customerId: 'customer' } → `--customer`. */
  flags?: Partial<Record<K, string>>;
  /** One full example invocation shown in `--help`. */
  example: string;
}

/** What a caller may hand a running operation: a progress sink (the CLI's spinner label; scenarios pass none). */
export interface RunContext {
  progress?: (status: string) => void;
}

/** Rendering options: the terminal width a card must fit. */
export interface RenderOptions {
  width: number;
}

/** One capability. `I` is the input schema (a zod object), `R` what `run` resolves to. */
export interface Operation<I extends z.ZodObject = z.ZodObject, R = unknown> {
  /** Dotted name, e.g. `customer.create` (the reference tool name where one exists). */
  name: string;
  /** One line for `--help` and tables. */
  summary: string;
  /** For people and LLMs: what it does, when to call it, what it returns, which rule ids it can refuse with. */
  description: string;
  kind: OperationKind;
  /** Gated: refused without an explicit allow (CLI `--allow-destructive`) before any HTTP call. */
  destructive: boolean;
  /**
   * Registered and usable from the CLI and scenarios, but never handed to the LLM agent (reference §A.4: operator
   * catalog writes and the like).
   */
  llmHidden?: boolean;
  /** The services it calls; `fleet` = every service of the fleet (clock moves, reset). */
  services: readonly ServiceName[] | 'fleet';
  input: I;
  run(clients: OperationClients, input: z.output<I>, ctx?: RunContext): Promise<R>;
  /** Pure: result → plain text (no terminal markup), each line at most `width` columns. */
  render(result: R, opts: RenderOptions): string;
  cli: CliBinding<Extract<keyof z.input<I>, string>>;
}

/** Declares an operation with full inference of its input and result types. */
export function defineOperation<I extends z.ZodObject, R>(op: Operation<I, R>): Operation<I, R> {
  return op;
}

/** Any operation, for heterogeneous lists. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = Operation<z.ZodObject, any>;
