// Operator writes on prices through the TMF620 productOfferingPrice door (the admin add-price lives with the
// offering writes, as it locks the offering). One transaction per use-case: policies, the row write and its
// outbox event commit together; lastUpdate is the injected clock.
import { mintId, type catalog } from '@bss/contracts';
import type { CatalogDeps } from '../deps.ts';
import { nextLifecycle, parseLifecycle, priceLifecycle, type Lifecycle } from '../domain/lifecycle.ts';
import { toTmfPrice } from '../domain/offering.mapper.ts';
import { patchWindow, retirementEnd, windowFromPeriod } from '../domain/window-patch.ts';
import * as events from '../events/reference.events.ts';
import {
  checkPeriodFitsType,
  checkPriceDeletable,
  checkPriceWindow,
  checkTermsUnchanged,
  requireAmountGiven,
  requireValidAmount,
} from '../policies/price.policies.ts';
import { catalogNotFound } from '../domain/errors.ts';
import { findOffering, getOfferingForUpdate } from '../repositories/offering.repository.ts';
import { deletePrice as deletePriceRow, findPrice, getPriceForUpdate, insertPrice, updatePrice } from '../repositories/price.repository.ts';

export function createPriceAdmin(deps: CatalogDeps) {
  const { database, clock, outbox, hrefs } = deps;

  /**
   * TMF POST productOfferingPrice: a price listed by no offering yet (an offering lists it through its own
   * productOfferingPrice). Recurring prices are monthly, the only period billing runs.
   */
  async function createPrice(input: catalog.ProductOfferingPriceCreate): Promise<catalog.ProductOfferingPrice> {
    const id = mintId('POP');
    const money = requireAmountGiven(input.price);
    const amount = requireValidAmount(money.value);
    const priceType = input.priceType ?? 'recurring';
    checkPeriodFitsType(priceType, { type: input.recurringChargePeriodType, length: input.recurringChargePeriodLength });
    const window = windowFromPeriod(input.validFor);
    checkPriceWindow(window, id);
    const lifecycleStatus: Lifecycle = input.lifecycleStatus ? parseLifecycle('price', input.lifecycleStatus) : 'active';
    const recurring = priceType === 'recurring';
    return database.db.transaction(async (tx) => {
      const price = await insertPrice(tx, {
        id,
        offeringId: null,
        name: input.name,
        description: input.description ?? null,
        lifecycleStatus,
        priceType,
        recurringPeriodType: recurring ? 'month' : null,
        recurringPeriodLength: recurring ? 1 : null,
        amount,
        currency: money.unit,
        ...window,
        lastUpdate: clock.now(),
      });
      await outbox.stage(tx, events.priceCreated(price));
      return toTmfPrice(price, hrefs);
    });
  }

  /**
   * TMF PATCH productOfferingPrice (merge-patch): name, description, validFor and retirement. The charged terms
   * may be repeated unchanged (a client echoing the resource back) but never changed.
   */
  async function patchPrice(priceId: string, patch: catalog.ProductOfferingPricePatch): Promise<catalog.ProductOfferingPrice> {
    const requested = patch.lifecycleStatus === undefined ? undefined : parseLifecycle('price', patch.lifecycleStatus);
    const amount = patch.price === undefined ? undefined : requireValidAmount(patch.price.value);
    return database.db.transaction(async (tx) => {
      const before = await getPriceForUpdate(tx, priceId);
      checkTermsUnchanged(before, {
        amount,
        currency: patch.price?.unit,
        priceType: patch.priceType,
        recurringPeriodType: patch.recurringChargePeriodType,
        recurringPeriodLength: patch.recurringChargePeriodLength,
      });
      const now = clock.now();
      const window = patchWindow(before, patch.validFor);
      checkPriceWindow(window, priceId);
      const current = before.lifecycleStatus as Lifecycle;
      const lifecycleStatus = nextLifecycle(priceLifecycle, current, requested ?? current, { priceId });
      // Retiring closes the window at now, so the active-price selection and any reader of validFor agree.
      if (lifecycleStatus === 'retired' && current === 'active') window.validTo = retirementEnd(window, now);
      const after = await updatePrice(tx, priceId, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        lifecycleStatus,
        ...window,
        lastUpdate: now,
      });
      await outbox.stage(tx, events.priceUpdated(before, after));
      return toTmfPrice(after, hrefs);
    });
  }

  /** TMF DELETE productOfferingPrice: refused once the listing offering has been sellable (retire it instead). */
  async function deletePrice(priceId: string): Promise<void> {
    await database.db.transaction(async (tx) => {
      // Lock order offering → price, as the offering writes take it (a price-first order could deadlock with a
      // concurrent patch listing this price); the offering lock also keeps it from turning sellable meanwhile.
      const peek = await findPrice(tx, priceId);
      if (!peek) throw catalogNotFound('price', priceId);
      const listing = peek.offeringId ? await getOfferingForUpdate(tx, peek.offeringId) : undefined;
      const before = await getPriceForUpdate(tx, priceId);
      // Listed by an offering in between (lock not held on that one): judge by the offering that lists it now.
      const owner = before.offeringId === peek.offeringId ? listing : before.offeringId ? await findOffering(tx, before.offeringId) : undefined;
      checkPriceDeletable(before, owner);
      await deletePriceRow(tx, priceId);
      await outbox.stage(tx, events.priceDeleted(before));
    });
  }

  return { createPrice, patchPrice, deletePrice };
}
export type PriceAdmin = ReturnType<typeof createPriceAdmin>;
