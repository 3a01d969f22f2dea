// Operator catalog writes (catalog:admin): add an offering with its price and allowances, add a price, move an
// offering's sale window, retire it. Hidden from the LLM agent (reference §A.4); the CLI groups them under `admin catalog`.
import { catalog } from '@bss/contracts';
import { z } from 'zod';
import { IsoInstant, OfferingId, Text } from '../fields.ts';
import { defineOperation } from '../operation.ts';
import { allowanceText, currentPrice } from '../cards/plan-comparison.card.ts';

const Amount = z.string().regex(/^\d{1,10}(\.\d{1,2})?$/).describe('Decimal amount, tax included, e.g. "25.00"');
const Currency = z.string().regex(/^[A-Z]{3}$/).optional().describe('ISO 4217 currency (default SGD)');
const Quantity = (what: string) => z.coerce.number().int().min(-1).optional().describe(`${what} per 30 days; -1 = unlimited; omitted = none`);
const CatalogId = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/).describe('Catalog id: letters, digits, _ . - (e.g. PLAN_XL)');

const offeringLine = (o: catalog.ProductOffering) => {
  const p = currentPrice(o)?.price.taxIncludedAmount;
  return `${o.id}  ${o.name ?? ''}  ${p ? `${p.unit} ${catalog.decimalFromMoney(p)}/mo` : 'no price'}  [${o.lifecycleStatus ?? '—'}]  data ${allowanceText(o, 'data')}`;
};
const window = (o: catalog.ProductOffering) => `${o.validFor?.startDateTime ?? '…'} → ${o.validFor?.endDateTime ?? '…'}`;

export const catalogAdminOps = [
  defineOperation({
    name: 'catalog.add_offering',
    summary: 'Add a plan: offering, its first price and its allowances, in one write',
    description:
      'Creates an offering with its recurring price and allowance rows (data/voice/SMS/roaming; -1 = unlimited) atomically. Operator only (catalog:admin). Refusals: catalog.offering.* rule ids (duplicate id, bad window).',
    kind: 'create',
    destructive: false,
    llmHidden: true,
    services: ['catalog'],
    input: z.object({
      offeringId: CatalogId,
      name: Text(200, 'Display name'),
      amount: Amount,
      currency: Currency,
      validFrom: IsoInstant.optional(),
      validTo: IsoInstant.optional().describe('Exclusive end of the sale window'),
      dataMb: Quantity('Data in MB'),
      voiceMinutes: Quantity('Voice minutes'),
      smsCount: Quantity('SMS'),
      dataRoamingMb: Quantity('Roaming data in MB'),
    }),
    run: (c, i) => c.catalog.addOffering(i),
    render: (o) => `Added ${offeringLine(o)}`,
    cli: {
      command: ['admin', 'catalog', 'add-offering'],
      flags: { offeringId: 'id', amount: 'price' },
      example: 'bss admin catalog add-offering --id PLAN_XL --name "Extra" --price 35.00 --data-mb 51200 --voice-minutes -1 --sms-count -1',
    },
  }),
  defineOperation({
    name: 'catalog.add_price',
    summary: 'Add a price row to an offering (optionally retiring the current one)',
    description:
      'Adds a recurring price with its own window; with `retireCurrent` every open-ended price closes at validFrom (or now) first, so exactly one price is in force. Operator only. Refusals: catalog.price.* rule ids (overlap, bad window).',
    kind: 'create',
    destructive: false,
    llmHidden: true,
    services: ['catalog'],
    input: z.object({
      offeringId: OfferingId,
      priceId: CatalogId,
      amount: Amount,
      currency: Currency,
      validFrom: IsoInstant.optional(),
      validTo: IsoInstant.optional().describe('Exclusive end'),
      retireCurrent: z.boolean().default(false).describe('Close the open-ended current price first'),
    }),
    run: ({ catalog: c }, { offeringId, ...body }) => c.addPrice(offeringId, body),
    render: (p) => `Added ${p.id}  ${p.price.unit} ${catalog.decimalFromMoney(p.price)}  ${p.validFor?.startDateTime ?? '…'} → ${p.validFor?.endDateTime ?? '…'}`,
    cli: { command: ['admin', 'catalog', 'set-price'], flags: { offeringId: 'offering' }, example: 'bss admin catalog set-price --offering PLAN_M --price-id PRICE_PLAN_M_2027 --amount 27.00 --valid-from 2027-01-01T00:00:00Z --retire-current' },
  }),
  defineOperation({
    name: 'catalog.window_offering',
    summary: "Move an offering's sale window (either bound)",
    description: 'Sets validFrom and/or validTo of the offering (omitted = unchanged). A validTo at or before now stops it being sold. Operator only.',
    kind: 'update',
    destructive: false,
    llmHidden: true,
    services: ['catalog'],
    input: z
      .object({ offeringId: OfferingId, validFrom: IsoInstant.optional(), validTo: IsoInstant.optional().describe('Exclusive end') })
      .refine((i) => i.validFrom !== undefined || i.validTo !== undefined, { message: 'give validFrom and/or validTo', path: ['validTo'] }),
    run: ({ catalog: c }, { offeringId, ...body }) => c.setOfferingWindow(offeringId, body),
    render: (o) => `${o.id} window ${window(o)}`,
    cli: { command: ['admin', 'catalog', 'window-offering'], flags: { offeringId: 'id' }, example: 'bss admin catalog window-offering --id PLAN_XL --valid-to 2026-12-31T00:00:00Z' },
  }),
  defineOperation({
    name: 'catalog.retire_offering',
    summary: 'Retire an offering: no longer sold (existing lines keep their price snapshot)',
    description: 'Marks the offering retired and not sellable, closing its window at business time now. Existing subscriptions are unaffected. Operator only.',
    kind: 'update',
    destructive: false,
    llmHidden: true,
    services: ['catalog'],
    input: z.object({ offeringId: OfferingId }),
    run: (c, i) => c.catalog.retireOffering(i.offeringId),
    render: (o) => `Retired ${offeringLine(o)}`,
    cli: { command: ['admin', 'catalog', 'retire-offering'], flags: { offeringId: 'id' }, example: 'bss admin catalog retire-offering --id PLAN_XL' },
  }),
];
