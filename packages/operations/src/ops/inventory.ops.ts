// Inventory operations (MSISDN and eSIM pools, served by CRM): list, count, show, add a number range, activation.
import { inventory } from '@bss/contracts';
import { z } from 'zod';
import { renderEsimActivation, type EsimActivationView } from '../cards/esim.card.ts';
import { table } from '../cards/table.ts';
import { box, cardWidth, formatMsisdn, shortTime } from '../cards/text.ts';
import { Iccid, Msisdn } from '../fields.ts';
import { defineOperation } from '../operation.ts';

const Limit = z.coerce.number().int().min(1).max(1000).default(20).describe('How many to return (default 20)');

const msisdnCard = (m: inventory.Msisdn, width: number) =>
  box(
    `MSISDN ${formatMsisdn(m.msisdn)}`,
    [
      `Status:       ${m.status}   (origin ${m.origin})`,
      `Subscription: ${m.assignedToSubscriptionId ?? '—'}   Customer: ${m.assignedToCustomerId ?? '—'}`,
      `Reserved:     ${shortTime(m.reservedAt)}   Assigned: ${shortTime(m.assignedAt)}`,
      ...(m.portRequestId ? [`Port request: ${m.portRequestId}${m.portedOutAt ? `  ported out ${shortTime(m.portedOutAt)}` : ''}`] : []),
    ],
    cardWidth(width, 80),
  );

export const inventoryOps = [
  defineOperation({
    name: 'inventory.msisdn.list',
    summary: 'List numbers of the MSISDN pool, by status and prefix',
    description: 'Numbers in msisdn order; `status` defaults to available. For totals use inventory.msisdn.count, not the length of this list.',
    kind: 'read',
    destructive: false,
    services: ['crm'],
    input: z.object({ status: inventory.MsisdnStatus.default('available').describe('Pool status'), prefix: z.string().regex(/^[0-9]{1,15}$/).optional().describe('Leading digits'), limit: Limit }),
    run: async (c, i) => (await c.inventory.listMsisdns({ status: i.status, prefix: i.prefix, limit: i.limit })).items,
    render: (rows, { width }) =>
      table(
        'MSISDNs',
        [
          { header: 'MSISDN', cell: (m: inventory.Msisdn) => m.msisdn, width: 15 },
          { header: 'Status', cell: (m) => m.status, width: 10 },
          { header: 'Origin', cell: (m) => m.origin, width: 7 },
          { header: 'Subscription', cell: (m) => m.assignedToSubscriptionId ?? '—' },
        ],
        rows,
        width,
      ),
    cli: { command: ['inventory', 'msisdn', 'list'], example: 'bss inventory msisdn list --prefix 9000 --limit 5' },
  }),
  defineOperation({
    name: 'inventory.msisdn.count',
    summary: 'Count the MSISDN pool by status',
    description: 'Zero-filled counts { available, reserved, assigned, portedOut, total } for an optional prefix.',
    kind: 'read',
    destructive: false,
    services: ['crm'],
    input: z.object({ prefix: z.string().regex(/^[0-9]{1,15}$/).optional().describe('Leading digits') }),
    run: (c, i) => c.inventory.countMsisdns(i.prefix),
    render: (n, { width }) =>
      box(`MSISDN pool${n.prefix ? ` ${n.prefix}*` : ''}`, [`available  ${n.available}`, `reserved   ${n.reserved}`, `assigned   ${n.assigned}`, `ported_out ${n.portedOut}`, `total      ${n.total}`], cardWidth(width, 40)),
    cli: { command: ['inventory', 'msisdn', 'count'], example: 'bss inventory msisdn count --prefix 9000' },
  }),
  defineOperation({
    name: 'inventory.msisdn.get',
    summary: 'Show one number of the pool',
    description: 'One MSISDN with its status and links.',
    kind: 'read',
    destructive: false,
    services: ['crm'],
    input: z.object({ msisdn: Msisdn }),
    run: (c, i) => c.inventory.getMsisdn(i.msisdn),
    render: (m, { width }) => msisdnCard(m, width),
    cli: { command: ['inventory', 'msisdn', 'show'], positional: ['msisdn'], example: 'bss inventory msisdn show 90000005' },
  }),
  defineOperation({
    name: 'inventory.msisdn.add_range',
    summary: 'Add a range of numbers to the pool (idempotent)',
    description: 'Inserts prefix + 4-digit index for 0..count-1; numbers already present are skipped, so a rerun inserts nothing. Returns { inserted, skipped, first, last }.',
    kind: 'create',
    destructive: false,
    services: ['crm'],
    input: z.object({ prefix: z.string().regex(/^[0-9]{4,7}$/).describe('4–7 leading digits'), count: z.coerce.number().int().min(1).max(10_000).describe('How many numbers (1–10000)') }),
    run: (c, i) => c.inventory.addMsisdnRange(i),
    render: (r) => `inserted ${r.inserted} / skipped ${r.skipped} (${r.first} … ${r.last})`,
    cli: { command: ['inventory', 'msisdn', 'add-range'], positional: ['prefix', 'count'], example: 'bss inventory msisdn add-range 9100 10' },
  }),
  defineOperation({
    name: 'inventory.esim.list',
    summary: 'List eSIM profiles of the pool, by state',
    description: 'Profiles in ICCID order; `state` defaults to available.',
    kind: 'read',
    destructive: false,
    services: ['crm'],
    input: z.object({ state: inventory.EsimState.default('available').describe('Profile state'), limit: Limit }),
    run: async (c, i) => (await c.inventory.listEsims({ state: i.state, limit: i.limit })).items,
    render: (rows, { width }) =>
      table(
        'eSIM profiles',
        [
          { header: 'ICCID', cell: (e: inventory.EsimProfile) => e.iccid, width: 22 },
          { header: 'State', cell: (e) => e.profileState, width: 10 },
          { header: 'MSISDN', cell: (e) => e.assignedMsisdn ?? '—' },
        ],
        rows,
        width,
      ),
    cli: { command: ['inventory', 'esim', 'list'], example: 'bss inventory esim list --limit 5' },
  }),
  defineOperation({
    name: 'inventory.esim.get_activation',
    summary: 'Show the activation card of an eSIM profile: LPA code and its QR',
    description: 'The LPA activation code (LPA:1$<smdp>$<matchingId>) with the profile state and bound number. No secret material (no Ki).',
    kind: 'read',
    destructive: false,
    services: ['crm'],
    input: z.object({ iccid: Iccid, showFull: z.boolean().default(false).describe('Show ICCID and IMSI unredacted') }),
    async run(c, i): Promise<EsimActivationView> {
      const [activation, profile] = await Promise.all([c.inventory.getEsimActivation(i.iccid), c.inventory.getEsim(i.iccid)]);
      return { activation, profile, showFull: i.showFull };
    },
    render: (v, o) => renderEsimActivation(v, o),
    cli: { command: ['inventory', 'esim', 'activation'], positional: ['iccid'], example: 'bss inventory esim activation 8910101000000000018' },
  }),
];
