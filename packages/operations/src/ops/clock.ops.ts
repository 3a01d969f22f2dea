// Business-time and reset operations, fanned out to every fleet service (/admin-api/v1/clock/*, reset): a scenario
// freezes and advances all clocks together. Moves need the `admin` scope and BSS_ALLOW_ADMIN_RESET on the services.
import type { ClockState, ResetResult } from '@bss/clients';
import { z } from 'zod';
import { table } from '../cards/table.ts';
import { Duration, IsoInstant } from '../fields.ts';
import { defineOperation } from '../operation.ts';
import type { OperationClients } from '../clients.ts';

type ServiceClock = ClockState & { service: string };

/** Calls every fleet service in turn; the first failure throws (a half-moved fleet is reported, never hidden). */
async function fanOut(c: OperationClients, move: (a: OperationClients['admin'][number]['client']) => Promise<ClockState>): Promise<ServiceClock[]> {
  const out: ServiceClock[] = [];
  for (const a of c.admin) out.push({ service: a.service, ...(await move(a.client)) });
  return out;
}

const clockTable = (rows: ServiceClock[], width: number) =>
  table(
    'Clocks',
    [
      { header: 'Service', cell: (r: ServiceClock) => r.service, width: 16 },
      { header: 'Mode', cell: (r) => r.mode, width: 6 },
      { header: 'Now', cell: (r) => r.now, width: 24 },
      { header: 'Offset', cell: (r) => `${r.offsetSeconds}s` },
    ],
    rows,
    width,
  );

export const clockOps = [
  defineOperation({
    name: 'clock.now',
    summary: "Business time of every service (frozen or wall + offset)",
    description: "Reads each fleet service's clock: { service, mode: wall|frozen, now, offsetSeconds, frozenAt }. Use it for \"now\" instead of the local wall clock.",
    kind: 'read',
    destructive: false,
    services: 'fleet',
    input: z.object({}),
    run: (c) => fanOut(c, (a) => a.clockNow()),
    render: (rows, { width }) => clockTable(rows, width),
    cli: { command: ['clock', 'now'], example: 'bss clock now' },
  }),
  defineOperation({
    name: 'clock.freeze',
    summary: 'Freeze every service clock at an instant (default: now)',
    description: 'Freezes business time of every fleet service at `at` (ISO-8601), or at its current instant. Admin.',
    kind: 'admin',
    destructive: false,
    services: 'fleet',
    input: z.object({ at: IsoInstant.optional() }),
    run: (c, i) => fanOut(c, (a) => a.freezeClock(i.at)),
    render: (rows, { width }) => clockTable(rows, width),
    cli: { command: ['clock', 'freeze'], positional: ['at'], example: 'bss clock freeze 2026-04-11T09:00:00Z' },
  }),
  defineOperation({
    name: 'clock.advance',
    summary: 'Move every service clock forward by a duration',
    description: 'Advances business time of every fleet service by `duration` (45s, 15m, 2h, 30d); frozen clocks stay frozen at the later instant. Admin.',
    kind: 'admin',
    destructive: false,
    services: 'fleet',
    input: z.object({ duration: Duration }),
    run: (c, i) => fanOut(c, (a) => a.advanceClock(i.duration)),
    render: (rows, { width }) => clockTable(rows, width),
    cli: { command: ['clock', 'advance'], positional: ['duration'], example: 'bss clock advance 30d' },
  }),
  defineOperation({
    name: 'clock.unfreeze',
    summary: 'Let every service clock run again (keeping the offset reached)',
    description: 'Unfreezes business time of every fleet service; time resumes from the frozen instant, never jumping back. Admin.',
    kind: 'admin',
    destructive: false,
    services: 'fleet',
    input: z.object({}),
    run: (c) => fanOut(c, (a) => a.unfreezeClock()),
    render: (rows, { width }) => clockTable(rows, width),
    cli: { command: ['clock', 'unfreeze'], example: 'bss clock unfreeze' },
  }),
  defineOperation({
    name: 'admin.reset_operational_data',
    summary: 'Erase the operational data of every service (customers, cases, payments…); reference data stays',
    description: 'Clears operational data of every fleet service that holds any (the catalog keeps its reference data). Destructive: the CLI needs --allow-destructive. Admin; scenarios run it in setup.',
    kind: 'admin',
    destructive: true,
    services: 'fleet',
    input: z.object({}),
    async run(c): Promise<ResetResult[]> {
      const out: ResetResult[] = [];
      for (const a of c.admin.filter((m) => m.reset)) out.push(await a.client.resetOperationalData());
      return out;
    },
    render: (rows, { width }) =>
      table(
        'Reset',
        [
          { header: 'Service', cell: (r: ResetResult) => r.service, width: 16 },
          { header: 'Truncated', cell: (r) => String(r.schemas.reduce((n, s) => n + s.truncated.length, 0)), width: 9 },
          { header: 'Schemas', cell: (r) => r.schemas.map((s) => s.schema).join(', ') },
        ],
        rows,
        width,
      ),
    cli: { command: ['admin', 'reset'], example: 'bss admin reset --allow-destructive' },
  }),
];
