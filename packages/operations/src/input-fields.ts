// The fields of an operation's input, read from its zod schema (via JSON Schema), for everything generated from the
// registry: CLI flags and arguments, docs/operations.md, and later the agent's tool schemas.
import { z } from 'zod';
import type { AnyOperation } from './operation.ts';

/** One input field. */
export interface InputField {
  key: string;
  type: 'string' | 'number' | 'integer' | 'boolean';
  required: boolean;
  description: string;
  enum?: readonly string[];
  default?: unknown;
}

interface JsonProp {
  type?: string;
  enum?: string[];
  default?: unknown;
  description?: string;
}

/** The JSON Schema of the input as a caller sends it (defaults make a field optional). */
export const inputJsonSchema = (op: AnyOperation) => z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, JsonProp>; required?: string[] };

export function inputFields(op: AnyOperation): InputField[] {
  const schema = inputJsonSchema(op);
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([key, p]) => {
    const type = p.type === 'number' || p.type === 'integer' || p.type === 'boolean' ? p.type : 'string';
    return {
      key,
      type,
      required: required.has(key) && p.default === undefined,
      description: p.description ?? '',
      ...(p.enum ? { enum: p.enum } : {}),
      ...(p.default !== undefined ? { default: p.default } : {}),
    };
  });
}
