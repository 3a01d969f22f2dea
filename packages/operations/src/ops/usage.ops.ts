// Usage (mediation, TMF635): simulate a network usage event for a line, and read a line's usage history.
// Quantities are typed as people say them — `500mb`, `2GB`, `10min`, `3sms`, or a bare number in the type's unit —
// and parsed here into mediation's canonical units (mb, minutes, count).
import type { usage } from '@bss/contracts';
import { z } from 'zod';
import { table } from '../cards/table.ts';
import { shortTime } from '../cards/text.ts';
import { IsoInstant, Msisdn, SubscriptionId } from '../fields.ts';
import { defineOperation } from '../operation.ts';

type EventType = 'data' | 'voice' | 'sms';
const CANONICAL = { data: 'mb', voice: 'minutes', sms: 'count' } as const;

const UNITS: Record<string, { type: EventType; factor: number }> = {
  kb: { type: 'data', factor: 1 / 1024 },
  mb: { type: 'data', factor: 1 },
  gb: { type: 'data', factor: 1024 },
  tb: { type: 'data', factor: 1024 * 1024 },
  s: { type: 'voice', factor: 1 / 60 },
  sec: { type: 'voice', factor: 1 / 60 },
  m: { type: 'voice', factor: 1 },
  min: { type: 'voice', factor: 1 },
  mins: { type: 'voice', factor: 1 },
  minutes: { type: 'voice', factor: 1 },
  h: { type: 'voice', factor: 60 },
  hr: { type: 'voice', factor: 60 },
  sms: { type: 'sms', factor: 1 },
  msg: { type: 'sms', factor: 1 },
  count: { type: 'sms', factor: 1 },
};

/** A parsed quantity in the canonical unit of its event type (rounded up: a started MB or minute counts). */
export interface ParsedQuantity {
  eventType: EventType;
  quantity: number;
  unit: (typeof CANONICAL)[EventType];
}

/**
 * Parses `2GB`, `500mb`, `10min`, `90s`, `3sms` or a bare number (in `type`'s unit, data when none). The unit decides
 * the type when `type` is not given; a unit that contradicts `type` is an error.
 */
export function parseQuantity(text: string, type?: EventType): ParsedQuantity {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) throw new Error(`quantity "${text}" is not a number with an optional unit (e.g. 500mb, 2GB, 10min, 3sms)`);
  const amount = Number(m[1]);
  const unitText = m[2]!.toLowerCase();
  const unit = unitText ? UNITS[unitText] : { type: type ?? 'data', factor: 1 };
  if (!unit) throw new Error(`unknown unit "${m[2]}" (use kb, mb, gb, s, min, h, sms)`);
  if (type && unit.type !== type) throw new Error(`unit "${m[2]}" measures ${unit.type}, not ${type}`);
  const quantity = Math.ceil(amount * unit.factor - 1e-9);
  if (!(quantity > 0)) throw new Error(`quantity "${text}" must be more than zero`);
  return { eventType: unit.type, quantity, unit: CANONICAL[unit.type] };
}

const Quantity = z
  .string()
  .min(1)
  .max(24)
  .superRefine((v, ctx) => {
    try {
      parseQuantity(v);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  })
  .describe('Amount with an optional unit: 500mb, 2GB, 10min, 90s, 3sms; a bare number is in the type\'s unit (data: MB)');

const charOf = (u: usage.Usage, name: string) => u.usageCharacteristic.find((c) => c.name === name)?.value;

export const usageOps = [
  defineOperation({
    name: 'usage.simulate',
    summary: 'Record a simulated usage event for a number (data, voice or sms) at business time',
    description:
      'Sends one usage event to mediation as the network would: `quantity` like 500mb, 2GB, 10min or 3sms (the unit picks the type unless `type` is given). The event time is mediation\'s business time unless `eventTime` is given. Rating and the balance decrement follow asynchronously. Refusals: usage.record.* rule ids (unknown number, line blocked or terminated, bad unit).',
    kind: 'create',
    destructive: false,
    llmHidden: true,
    services: ['mediation'],
    input: z.object({
      msisdn: Msisdn,
      quantity: Quantity,
      type: z.enum(['data', 'voice', 'sms']).optional().describe('Usage type (default: from the unit, else data)'),
      roaming: z.boolean().default(false).describe('Used while roaming (draws on the roaming allowance)'),
      eventTime: IsoInstant.optional(),
      externalId: z.string().min(1).max(100).optional().describe('The sender\'s id: the same id again returns the first record'),
    }),
    async run(c, i) {
      const q = parseQuantity(i.quantity, i.type);
      const clock = c.admin.find((a) => a.service === 'mediation');
      const eventTime = i.eventTime ?? (clock ? (await clock.client.clockNow()).now : undefined);
      if (!eventTime) throw new Error('no event time: give eventTime (mediation is not in the fleet)');
      return c.mediation.recordUsage({
        msisdn: i.msisdn,
        eventType: q.eventType,
        eventTime,
        quantity: q.quantity,
        unit: q.unit,
        roaming: i.roaming,
        source: 'simulator',
        ...(i.externalId ? { externalId: i.externalId } : {}),
      });
    },
    render: (u) => `${u.id} ${u.status} msisdn=${String(charOf(u, 'msisdn'))} ${String(charOf(u, 'quantity'))} ${String(charOf(u, 'unit'))} ${u.usageType}${charOf(u, 'roaming') === true ? ' roaming' : ''}`,
    cli: { command: ['usage', 'simulate'], example: 'bss usage simulate --msisdn 90000005 --quantity 500mb' },
  }),
  defineOperation({
    name: 'usage.history',
    summary: 'Usage records of a line (by subscription or number), newest first',
    description: 'TMF635 usage records filtered by subscription, number, type and a lower time bound, newest first, up to `limit`.',
    kind: 'read',
    destructive: false,
    services: ['mediation'],
    input: z.object({
      subscriptionId: SubscriptionId.optional(),
      msisdn: Msisdn.optional(),
      type: z.enum(['data', 'voice', 'sms']).optional().describe('Only this usage type'),
      since: IsoInstant.optional().describe('Inclusive lower bound of the usage time'),
      limit: z.coerce.number().int().min(1).max(1000).default(100).describe('How many to return (default 100)'),
    }),
    run: async (c, { type, ...q }) => (await c.mediation.listUsage({ ...q, ...(type ? { usageType: type } : {}) })).items,
    render: (rows, { width }) =>
      table(
        'Usage',
        [
          { header: 'When', cell: (u: usage.Usage) => shortTime(u.usageDate), width: 16 },
          { header: 'ID', cell: (u) => u.id, width: 30 },
          { header: 'Type', cell: (u) => u.usageType, width: 5 },
          { header: 'Quantity', cell: (u) => `${String(charOf(u, 'quantity'))} ${String(charOf(u, 'unit'))}${charOf(u, 'roaming') === true ? ' (roaming)' : ''}` },
        ],
        rows,
        width,
      ),
    cli: { command: ['usage', 'history'], example: 'bss usage history --msisdn 90000005 --limit 20' },
  }),
];
