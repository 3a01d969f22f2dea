// Catalog operations (TMF620 offerings and prices, VAS top-ups): reads only; operator catalog writes come later.
import { catalog } from '@bss/contracts';
import { z } from 'zod';
import { allowanceText, currentPrice, renderPlanComparison } from '../cards/plan-comparison.card.ts';
import { table } from '../cards/table.ts';
import { box, cardWidth } from '../cards/text.ts';
import { IsoInstant, OfferingId, VasOfferingId } from '../fields.ts';
import { defineOperation } from '../operation.ts';

const offeringCard = (o: catalog.ProductOffering, width: number) => {
  const p = currentPrice(o);
  return box(
    `${o.id}${o.id === 'PLAN_M' ? '  ★ MOST POPULAR' : ''}  ${o.name ?? ''}`.trimEnd(),
    [
      `Price:    ${p ? `${p.price.taxIncludedAmount.unit} ${catalog.decimalFromMoney(p.price.taxIncludedAmount)} / ${p.recurringChargePeriod ?? 'month'}` : '—'}  (${p?.id ?? 'no price'})`,
      `Status:   ${o.lifecycleStatus ?? '—'}${o.isSellable === false ? ' (not sellable)' : ''}`,
      '',
      '30-day bundle:',
      `  Data     ${allowanceText(o, 'data')}`,
      `  Voice    ${allowanceText(o, 'voice')}`,
      `  SMS      ${allowanceText(o, 'sms')}`,
      ...(o.prodSpecCharValueUse.some((u) => u.name === 'data_roaming') ? [`  Roaming  ${allowanceText(o, 'data_roaming')}`] : []),
      '',
      'Service stops when a bundle is exhausted; a VAS top-up or renewal restores it.',
    ],
    cardWidth(width, 70),
  );
};

const vasTable = (rows: catalog.VasOffering[], width: number) =>
  table(
    'VAS offerings',
    [
      { header: 'ID', cell: (v: catalog.VasOffering) => v.id, width: 18 },
      { header: 'Price', cell: (v) => `${v.currency} ${v.priceAmount}`, width: 10 },
      { header: 'Allowance', cell: (v) => (v.allowanceQuantity === null ? '—' : v.allowanceQuantity === -1 ? 'unlimited' : `${v.allowanceQuantity} ${v.allowanceUnit ?? ''}`.trim()), width: 12 },
      { header: 'Expiry', cell: (v) => (v.expiryHours === null ? '—' : `${v.expiryHours}h`), width: 6 },
      { header: 'Name', cell: (v) => v.name ?? '' },
    ],
    rows,
    width,
  );

export const catalogOps = [
  defineOperation({
    name: 'catalog.list_offerings',
    summary: 'Compare the plans: price and bundle of every offering',
    description: 'Every product offering (TMF620) with its prices and allowances; the card compares the sellable ones, cheapest first.',
    kind: 'read',
    destructive: false,
    services: ['catalog'],
    input: z.object({}),
    run: async (c) => (await c.catalog.listOfferings({ limit: 100 })).items,
    render: (rows, o) => renderPlanComparison(rows, o),
    cli: { command: ['catalog', 'list'], example: 'bss catalog list' },
  }),
  defineOperation({
    name: 'catalog.list_active_offerings',
    summary: 'The offerings sellable at an instant, cheapest active price first',
    description: 'Offerings whose validity window and price window contain `at` (default: catalog business time now).',
    kind: 'read',
    destructive: false,
    services: ['catalog'],
    input: z.object({ at: IsoInstant.optional() }),
    run: async (c, i) => (await c.catalog.listOfferings({ limit: 100, ...(i.at ? { activeAt: i.at } : { lifecycleStatus: 'active' }) })).items,
    render: (rows, o) => renderPlanComparison(rows, o),
    cli: { command: ['catalog', 'active'], example: 'bss catalog active --at 2026-07-01T00:00:00Z' },
  }),
  defineOperation({
    name: 'catalog.get_offering',
    summary: 'Show one offering with its price and bundle allowances',
    description: 'One product offering with every price row and allowance.',
    kind: 'read',
    destructive: false,
    services: ['catalog'],
    input: z.object({ offeringId: OfferingId }),
    run: (c, i) => c.catalog.getOffering(i.offeringId),
    render: (o, { width }) => offeringCard(o, width),
    cli: { command: ['catalog', 'show'], positional: ['offeringId'], example: 'bss catalog show PLAN_M' },
  }),
  defineOperation({
    name: 'catalog.get_active_price',
    summary: 'The price of an offering in force at an instant',
    description: 'The recurring price row active at `at` (default now). Refusal: catalog.price.no_active_row.',
    kind: 'read',
    destructive: false,
    services: ['catalog'],
    input: z.object({ offeringId: OfferingId, at: IsoInstant.optional() }),
    run: (c, i) => c.catalog.getActivePrice(i.offeringId, i.at),
    render: (p) => `${p.id}  ${p.price.unit} ${catalog.decimalFromMoney(p.price)}  ${p.validFor?.startDateTime ?? '…'} → ${p.validFor?.endDateTime ?? '…'}`,
    cli: { command: ['catalog', 'price'], positional: ['offeringId'], example: 'bss catalog price PLAN_M --at 2026-07-01T00:00:00Z' },
  }),
  defineOperation({
    name: 'catalog.list_vas',
    summary: 'List the VAS top-up offerings',
    description: 'Every value-added-service (top-up) offering: price, allowance, expiry.',
    kind: 'read',
    destructive: false,
    services: ['catalog'],
    input: z.object({}),
    run: async (c) => (await c.catalog.listVas({ limit: 100 })).items,
    render: (rows, { width }) => vasTable(rows, width),
    cli: { command: ['catalog', 'vas'], example: 'bss catalog vas' },
  }),
  defineOperation({
    name: 'catalog.get_vas',
    summary: 'Show one VAS offering',
    description: 'One VAS offering: price, allowance added, expiry hours. NOT_FOUND for an unknown id.',
    kind: 'read',
    destructive: false,
    services: ['catalog'],
    input: z.object({ vasOfferingId: VasOfferingId }),
    run: (c, i) => c.catalog.getVas(i.vasOfferingId),
    render: (v, { width }) => vasTable([v], width),
    cli: { command: ['catalog', 'vas-show'], positional: ['vasOfferingId'], example: 'bss catalog vas-show VAS_DATA_1GB' },
  }),
];
