// Operator writes on offerings and prices (the perimeter lets only `catalog:admin` identities reach them). Each
// use-case is one transaction: input checks first, then row lookups (offering row-locked), policies, the write and its outbox event, all committed together.
import type { catalog } from '@bss/contracts';
import type { Tx } from '@bss/db';
import type { CatalogDeps } from '../deps.ts';
import { allowancesFor } from '../domain/allowance.ts';
import { toTmfOffering, toTmfPrice } from '../domain/offering.mapper.ts';
import * as events from '../events/offering.events.ts';
import { checkNotRetired, checkOfferingAbsent, checkOfferingWindow, checkSpecExists } from '../policies/offering.policies.ts';
import { checkPriceAbsent, checkPriceWindow, requireValidAmount } from '../policies/price.policies.ts';
import { insertAllowances } from '../repositories/allowance.repository.ts';
import { findOffering, getOfferingForUpdate, insertOffering, updateOffering } from '../repositories/offering.repository.ts';
import { closeOpenEndedPrices, findPrice, insertPrice } from '../repositories/price.repository.ts';
import { findSpecification } from '../repositories/specification.repository.ts';
import type { OfferingRow } from '../schema.ts';
import { loadAggregates } from './offering-aggregates.ts';

const DEFAULT_SPEC = 'SPEC_MOBILE_PREPAID';
const DEFAULT_CURRENCY = 'SGD';

const instant = (v: string | null | undefined): Date | null => (v ? new Date(v) : null);

export function createOfferingAdmin(deps: CatalogDeps) {
  const { database, clock, outbox, hrefs } = deps;

  async function offeringView(tx: Tx, row: OfferingRow): Promise<catalog.ProductOffering> {
    const [aggregate] = await loadAggregates(tx, [row]);
    return toTmfOffering(aggregate!, hrefs);
  }

  /** Adds an offering with one monthly recurring price and an allowance row per given quantity. */
  async function addOffering(input: catalog.AddOfferingRequest): Promise<catalog.ProductOffering> {
    const amount = requireValidAmount(input.amount);
    const window = { validFrom: instant(input.validFrom), validTo: instant(input.validTo) };
    checkOfferingWindow(window, input.offeringId);
    const priceId = input.priceId ?? `PRICE_${input.offeringId}`;
    const specId = input.specId ?? DEFAULT_SPEC;
    // Same rule as a window change: an offering whose window already ended is born retired.
    const ended = window.validTo !== null && window.validTo.getTime() <= clock.now().getTime();
    return database.db.transaction(async (tx) => {
      checkOfferingAbsent(await findOffering(tx, input.offeringId), input.offeringId);
      checkPriceAbsent(await findPrice(tx, priceId), priceId);
      checkSpecExists(await findSpecification(tx, specId), specId);
      const offering = await insertOffering(tx, {
        id: input.offeringId,
        name: input.name,
        specId,
        isBundle: true,
        isSellable: !ended,
        lifecycleStatus: ended ? 'retired' : 'active',
        ...window,
      });
      // The price shares the offering's window: a plan sold from validFrom is priced from then too.
      const price = await insertPrice(tx, {
        id: priceId,
        offeringId: offering.id,
        priceType: 'recurring',
        recurringPeriodLength: 1,
        recurringPeriodType: 'month',
        amount,
        currency: input.currency ?? DEFAULT_CURRENCY,
        ...window,
      });
      const allowances = await insertAllowances(tx, allowancesFor(offering.id, input));
      await outbox.stage(tx, events.offeringAdded(offering, price, allowances));
      return offeringView(tx, offering);
    });
  }

  /**
   * Moves the offering's window (merge-patch: omitted bounds stay, null opens them). An end at or before now
   * also retires the offering, as the reference did.
   */
  async function setWindow(offeringId: string, input: catalog.OfferingWindowRequest): Promise<catalog.ProductOffering> {
    return database.db.transaction(async (tx) => {
      const before = await getOfferingForUpdate(tx, offeringId);
      const window = {
        validFrom: input.validFrom === undefined ? before.validFrom : instant(input.validFrom),
        validTo: input.validTo === undefined ? before.validTo : instant(input.validTo),
      };
      checkOfferingWindow(window, offeringId);
      const closes = window.validTo !== null && window.validTo.getTime() <= clock.now().getTime();
      const after = await updateOffering(tx, offeringId, {
        ...window,
        ...(closes ? { lifecycleStatus: 'retired', isSellable: false } : {}),
      });
      await outbox.stage(tx, events.offeringWindowChanged(before, after));
      return offeringView(tx, after);
    });
  }

  /** Retires the offering: unsellable, lifecycle retired, window closed at now (or kept if it already ended). */
  async function retire(offeringId: string): Promise<catalog.ProductOffering> {
    return database.db.transaction(async (tx) => {
      const before = await getOfferingForUpdate(tx, offeringId);
      checkNotRetired(before);
      const now = clock.now();
      let validTo = before.validTo === null || before.validTo > now ? now : before.validTo;
      // Not started yet: close at its own start (an empty window) rather than end before it begins.
      if (before.validFrom !== null && before.validFrom > validTo) validTo = before.validFrom;
      const after = await updateOffering(tx, offeringId, { lifecycleStatus: 'retired', isSellable: false, validTo });
      await outbox.stage(tx, events.offeringRetired(after));
      return offeringView(tx, after);
    });
  }

  /** Adds a monthly recurring price; with retireCurrent, first closes every open-ended price at validFrom (or now). */
  async function addPrice(offeringId: string, input: catalog.AddPriceRequest): Promise<catalog.ProductOfferingPrice> {
    const amount = requireValidAmount(input.amount);
    const window = { validFrom: instant(input.validFrom), validTo: instant(input.validTo) };
    checkPriceWindow(window, input.priceId);
    return database.db.transaction(async (tx) => {
      // Locking the offering serialises concurrent price changes of one offering.
      await getOfferingForUpdate(tx, offeringId);
      checkPriceAbsent(await findPrice(tx, input.priceId), input.priceId);
      const closed = input.retireCurrent ? await closeOpenEndedPrices(tx, offeringId, window.validFrom ?? clock.now()) : [];
      const price = await insertPrice(tx, {
        id: input.priceId,
        offeringId,
        priceType: 'recurring',
        recurringPeriodLength: 1,
        recurringPeriodType: 'month',
        amount,
        currency: input.currency ?? DEFAULT_CURRENCY,
        ...window,
      });
      await outbox.stage(tx, events.priceAdded(price, closed));
      return toTmfPrice(price, hrefs);
    });
  }

  return { addOffering, setWindow, retire, addPrice };
}
export type OfferingAdmin = ReturnType<typeof createOfferingAdmin>;
