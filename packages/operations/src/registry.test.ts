// The registry's contract: names, descriptions and CLI bindings are well-formed, the destructive set matches the
// reviewed reference set, and every reference tool is accounted for (exists, renamed, pending or absent).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ADDED_DESTRUCTIVE, REFERENCE_DESTRUCTIVE } from './destructive.ts';
import { inputFields } from './input-fields.ts';
import { defineOperation } from './operation.ts';
import { REFERENCE_TOOLS } from './reference-tools.ts';
import { buildRegistry, OPERATIONS } from './registry.ts';

const ops = [...OPERATIONS.values()];

describe('the operation registry', () => {
  it.each(ops.map((o) => [o.name, o] as const))('%s is well-formed: description, example, bound keys', (_n, op) => {
    expect(op.description.replace(/\s/g, '').length).toBeGreaterThanOrEqual(20);
    expect(op.cli.example.startsWith(`bss ${op.cli.command.join(' ')}`)).toBe(true);
    const keys = inputFields(op).map((f) => f.key);
    for (const k of [...(op.cli.positional ?? []), ...Object.keys(op.cli.flags ?? {})]) expect(keys).toContain(k);
    for (const f of inputFields(op)) expect(f.description, `${op.name}.${f.key} needs a description`).not.toBe('');
  });

  it('refuses a second declaration of a name or a CLI command', () => {
    const op = ops[0]!;
    expect(() => buildRegistry([op, op])).toThrow(/declared twice/);
    const other = defineOperation({ ...op, name: 'other.thing', input: z.object({}) });
    expect(() => buildRegistry([op, other])).toThrow(/bound twice/);
  });

  it('flags exactly the reviewed destructive set: the reference set where built, plus the documented additions', () => {
    const destructive = ops.filter((o) => o.destructive).map((o) => o.name);
    for (const name of destructive) expect(REFERENCE_DESTRUCTIVE.includes(name) || name in ADDED_DESTRUCTIVE, name).toBe(true);
    for (const name of REFERENCE_DESTRUCTIVE) {
      const op = OPERATIONS.get(name);
      if (op) expect(op.destructive, name).toBe(true);
      else expect(REFERENCE_TOOLS[name]?.status ?? 'scenario-only', name).toMatch(/pending|absent/);
    }
    // Doctrine: these are not destructive.
    for (const name of ['payment.add_card', 'payment.charge', 'case.open', 'port_request.approve']) expect(OPERATIONS.get(name)?.destructive).toBe(false);
  });

  it('accounts for every reference tool, and every "exists" claim is true', () => {
    expect(Object.keys(REFERENCE_TOOLS)).toHaveLength(110);
    for (const [name, s] of Object.entries(REFERENCE_TOOLS)) {
      if (s.status === 'same') expect(OPERATIONS.has(name), `${name} claimed to exist`).toBe(true);
      else if (s.status === 'renamed') expect(OPERATIONS.has(s.as), `${name} → ${s.as}`).toBe(true);
      else expect(OPERATIONS.has(name), `${name} exists but is marked ${s.status}`).toBe(false);
    }
  });
});
