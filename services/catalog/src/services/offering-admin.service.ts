// Operator writes on offerings and prices (the perimeter lets only `catalog:admin` identities reach them). Each
// use-case is one transaction: input checks first, then row lookups (offering row-locked), policies, the write and its outbox event, all committed together.
// Two front doors call these: the /admin/catalog routes (add, window, retire, add-price) and the TMF620
// productOffering routes (create, merge-patch, delete). lastUpdate is always the injected clock.
import { mintId, type catalog } from '@bss/contracts';
import type { Tx } from '@bss/db';
import type { CatalogDeps } from '../deps.ts';
import { allowancesFor } from '../domain/allowance.ts';
import { toTmfOffering, toTmfPrice } from '../domain/offering.mapper.ts';
import * as events from '../events/offering.events.ts';
import { nextLifecycle, offeringLifecycle, parseLifecycle, type Lifecycle } from '../domain/lifecycle.ts';
import { hasEnded, patchWindow, retirementEnd, windowFromPeriod } from '../domain/window-patch.ts';
import {
  checkNotBundle,
  checkNotRetired,
  checkOfferingAbsent,
  checkOfferingDeletable,
  checkOfferingWindow,
  checkPriceList,
  checkSellableOnlyWhenActive,
  checkSpecExists,
} from '../policies/offering.policies.ts';
import { checkPriceAbsent, checkPriceWindow, requireValidAmount } from '../policies/price.policies.ts';
import { deleteOfferingParts, insertAllowances } from '../repositories/allowance.repository.ts';
import { deleteOffering as deleteOfferingRow, findOffering, getOfferingForUpdate, insertOffering, updateOffering } from '../repositories/offering.repository.ts';
import { attachPrices, closeOpenEndedPrices, findPrice, insertPrice, listPricesOfOfferings, lockPrices } from '../repositories/price.repository.ts';
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
    const now = clock.now();
    const ended = hasEnded(window, now);
    return database.db.transaction(async (tx) => {
      checkOfferingAbsent(await findOffering(tx, input.offeringId), input.offeringId);
      checkPriceAbsent(await findPrice(tx, priceId), priceId);
      checkSpecExists(await findSpecification(tx, specId), specId);
      const offering = await insertOffering(tx, {
        id: input.offeringId,
        name: input.name,
        specId,
        isSellable: !ended,
        wasSellable: !ended,
        lifecycleStatus: ended ? 'retired' : 'active',
        ...window,
        lastUpdate: now,
      });
      // The price shares the offering's window: a plan sold from validFrom is priced from then too.
      const price = await insertPrice(tx, {
        id: priceId,
        offeringId: offering.id,
        name: input.name,
        lifecycleStatus: 'active',
        priceType: 'recurring',
        recurringPeriodLength: 1,
        recurringPeriodType: 'month',
        amount,
        currency: input.currency ?? DEFAULT_CURRENCY,
        ...window,
        lastUpdate: now,
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
      const now = clock.now();
      const closes = hasEnded(window, now);
      const after = await updateOffering(tx, offeringId, {
        ...window,
        ...(closes ? { lifecycleStatus: 'retired', isSellable: false } : {}),
        lastUpdate: now,
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
      const validTo = retirementEnd(before, now);
      const after = await updateOffering(tx, offeringId, { lifecycleStatus: 'retired', isSellable: false, validTo, lastUpdate: now });
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
      const offering = await getOfferingForUpdate(tx, offeringId);
      checkPriceAbsent(await findPrice(tx, input.priceId), input.priceId);
      const now = clock.now();
      const closed = input.retireCurrent ? await closeOpenEndedPrices(tx, offeringId, window.validFrom ?? now, now) : [];
      const price = await insertPrice(tx, {
        id: input.priceId,
        offeringId,
        name: input.name ?? `${offering.name ?? offering.id} monthly`,
        lifecycleStatus: 'active',
        lastUpdate: now,
        priceType: 'recurring',
        recurringPeriodLength: 1,
        recurringPeriodType: 'month',
        amount,
        currency: input.currency ?? DEFAULT_CURRENCY,
        ...window,
      });
      await outbox.stage(tx, events.priceAdded(offeringId, price, closed));
      return toTmfPrice(price, hrefs);
    });
  }

  /** The prices to list on an offering: deduplicated, row-locked, checked against the offering's current list. */
  async function claimPrices(tx: Tx, offeringId: string, refs: readonly { id: string }[], attachedNow: readonly string[]): Promise<string[]> {
    const ids = [...new Set(refs.map((r) => r.id))];
    checkPriceList(offeringId, ids, await lockPrices(tx, ids), attachedNow);
    return ids.filter((id) => !attachedNow.includes(id));
  }

  /**
   * TMF POST productOffering. A new offering is a draft (isSellable false) unless the body says otherwise; it has
   * no allowances (those come with the admin add), and lists the given prices, which must be attached to none.
   */
  async function createOffering(input: catalog.ProductOfferingCreate): Promise<catalog.ProductOffering> {
    checkNotBundle(input.isBundle);
    const id = mintId('PO');
    const window = windowFromPeriod(input.validFor);
    checkOfferingWindow(window, id);
    const requested: Lifecycle = input.lifecycleStatus ? parseLifecycle('offering', input.lifecycleStatus) : 'active';
    checkSellableOnlyWhenActive(input.isSellable ?? false, requested, id);
    const now = clock.now();
    // As with the admin add: an offering whose window already ended is born retired.
    const lifecycleStatus = hasEnded(window, now) ? 'retired' : requested;
    const isSellable = (input.isSellable ?? false) && lifecycleStatus === 'active';
    const specId = input.productSpecification?.id ?? null;
    return database.db.transaction(async (tx) => {
      if (specId !== null) checkSpecExists(await findSpecification(tx, specId), specId);
      const priceIds = await claimPrices(tx, id, input.productOfferingPrice ?? [], []);
      const offering = await insertOffering(tx, {
        id,
        name: input.name,
        description: input.description ?? null,
        specId,
        isSellable,
        wasSellable: isSellable,
        lifecycleStatus,
        ...window,
        lastUpdate: now,
      });
      await attachPrices(tx, priceIds, id, now);
      await outbox.stage(tx, events.offeringCreated(offering, priceIds));
      return offeringView(tx, offering);
    });
  }

  /**
   * TMF PATCH productOffering (merge-patch). lifecycleStatus retired (or a window end at or before now) retires
   * the offering as the admin retire does; retirement is one-way. A price list replaces the listed prices but
   * may only add to it.
   */
  async function patchOffering(offeringId: string, patch: catalog.ProductOfferingPatch): Promise<catalog.ProductOffering> {
    checkNotBundle(patch.isBundle);
    const requested = patch.lifecycleStatus === undefined ? undefined : parseLifecycle('offering', patch.lifecycleStatus);
    return database.db.transaction(async (tx) => {
      const before = await getOfferingForUpdate(tx, offeringId);
      const now = clock.now();
      const window = patchWindow(before, patch.validFor);
      checkOfferingWindow(window, offeringId);
      const current = before.lifecycleStatus as Lifecycle;
      let lifecycleStatus = nextLifecycle(offeringLifecycle, current, requested ?? current, { offeringId });
      if (hasEnded(window, now)) lifecycleStatus = nextLifecycle(offeringLifecycle, lifecycleStatus, 'retired', { offeringId });
      else if (lifecycleStatus === 'retired' && current === 'active') window.validTo = retirementEnd(window, now);
      if (patch.isSellable === true) checkSellableOnlyWhenActive(true, lifecycleStatus, offeringId);
      const isSellable = lifecycleStatus === 'retired' ? false : (patch.isSellable ?? before.isSellable);
      let specId = before.specId;
      if (patch.productSpecification !== undefined) {
        specId = patch.productSpecification?.id ?? null;
        if (specId !== null) checkSpecExists(await findSpecification(tx, specId), specId);
      }
      let added: string[] = [];
      if (patch.productOfferingPrice !== undefined) {
        const attachedNow = (await listPricesOfOfferings(tx, [offeringId])).map((p) => p.id);
        added = await claimPrices(tx, offeringId, patch.productOfferingPrice, attachedNow);
      }
      const after = await updateOffering(tx, offeringId, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        specId,
        ...window,
        lifecycleStatus,
        isSellable,
        lastUpdate: now,
      });
      await attachPrices(tx, added, offeringId, now);
      await outbox.stage(tx, events.offeringUpdated(before, after, added));
      // Same fact as the admin retire, so a consumer of catalog.offering.retired need not know which door was used.
      if (current === 'active' && lifecycleStatus === 'retired') await outbox.stage(tx, events.offeringRetired(after));
      return offeringView(tx, after);
    });
  }

  /**
   * TMF DELETE productOffering: only an offering that was never sellable (nothing can have ordered it). Its
   * allowances and service mappings go with it; its prices stay, listed by no offering.
   */
  async function deleteOffering(offeringId: string): Promise<void> {
    await database.db.transaction(async (tx) => {
      const before = await getOfferingForUpdate(tx, offeringId);
      checkOfferingDeletable(before);
      const priceIds = (await listPricesOfOfferings(tx, [offeringId])).map((p) => p.id);
      await attachPrices(tx, priceIds, null, clock.now());
      await deleteOfferingParts(tx, offeringId);
      await deleteOfferingRow(tx, offeringId);
      await outbox.stage(tx, events.offeringDeleted(before, priceIds));
    });
  }

  return { addOffering, setWindow, retire, addPrice, createOffering, patchOffering, deleteOffering };
}
export type OfferingAdmin = ReturnType<typeof createOfferingAdmin>;
