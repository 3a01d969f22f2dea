// Customer use-cases: create (TMF629 or CLI shape), TMF629 merge-patch (every attribute through its policy),
// delete, name/birth-date update, and reads (get, list, by email, by MSISDN, orderability). Each write is one
// transaction: policy → rows → event → auto-logged interaction; downstream questions are asked before it.
import type { crm } from '@bss/contracts';
import type { Executor } from '@bss/db';
import { NotFound, PolicyViolation } from '@bss/policy';
import { hrefBuilder } from '@bss/server-kit';
import { currentContext } from '@bss/telemetry';
import type { CrmDeps } from '../deps.ts';
import { CUSTOMER_PATH, engagedPartyToStore, fullName, normalizeCustomerCreate, tmfRefsToStore, toTmfCustomer } from '../domain/customer.mapper.ts';
import { newId } from '../domain/ids.ts';
import { customerEvents } from '../events/customer.events.ts';
import {
  checkCreateStatus,
  checkDeletable,
  checkEmailsUnique,
  checkHasContactMedium,
  checkIndividualPatchHasFields,
  checkOrderable,
  checkTmfAttributesSupported,
  checkNoLiveSubscriptions,
  checkStatusTransition,
  requireCustomer,
} from '../policies/customer.policies.ts';
import { customerJsonReads } from '../repositories/customer-json.repository.ts';
import * as repo from '../repositories/customer.repository.ts';
import { planCustomerPatch } from './customer-patch.ts';
import { logInteraction } from './interaction.service.ts';

export { CUSTOMER_PATH };

/** The customer use-cases bound to `deps`. */
export function customerService(deps: CrmDeps) {
  const href = hrefBuilder(deps.config.publicBaseUrl);
  const json = customerJsonReads(deps.database, `${deps.config.publicBaseUrl}${CUSTOMER_PATH}`);
  const wire = (v: repo.CustomerView) => toTmfCustomer(v.customer, v.individual, v.mediums, href(CUSTOMER_PATH, v.customer.id));
  const view = async (tx: Executor, id: string, rule = 'customer.not_found') => {
    const v = await repo.loadCustomerView(tx, id);
    requireCustomer(v?.customer, id, rule);
    return v!;
  };

  return {
    view,
    wire,

    async create(input: crm.CustomerCreate): Promise<crm.Customer> {
      const n = normalizeCustomerCreate(input);
      checkTmfAttributesSupported(input, 'create');
      checkCreateStatus(n.status, n.mediums);
      return deps.database.db.transaction(async (tx) => {
        await checkEmailsUnique(tx, n.mediums.filter((m) => m.mediumType === 'email').map((m) => m.value));
        const now = deps.clock.now();
        const tenantId = currentContext().tenant;
        const partyId = newId('PTY');
        const customerId = newId('CUST');
        await repo.insertParty(tx, { id: partyId, partyType: 'individual', tenantId });
        await repo.insertIndividual(tx, { partyId, givenName: n.givenName, familyName: n.familyName, dateOfBirth: n.dateOfBirth, tenantId });
        await repo.insertCustomer(tx, {
          id: customerId,
          partyId,
          status: n.status,
          statusReason: input.statusReason ?? null,
          customerSince: now,
          engagedParty: engagedPartyToStore(input.engagedParty, partyId),
          tmfRefs: tmfRefsToStore(input),
          validTo: input.validFor?.endDateTime ? new Date(input.validFor.endDateTime) : null,
          tenantId,
        });
        for (const m of n.mediums) await repo.insertMedium(tx, { id: newId('CM'), partyId, ...m, validFrom: now, tenantId });
        await deps.outbox.stage(tx, customerEvents.created(customerId, n.givenName, n.familyName, n.status));
        await logInteraction(tx, deps, { customerId, summary: `Customer created: ${fullName(n)}` });
        return wire(await view(tx, customerId));
      });
    },

    async get(id: string): Promise<crm.Customer> {
      return wire(await view(deps.database.db, id));
    },

    async list(q: Omit<crm.CustomerListQuery, 'fields'>): Promise<{ items: crm.Customer[]; total: number }> {
      const { views, total } = await repo.listCustomerViews(deps.database.db, q);
      return { items: views.map(wire), total };
    },

    /** get() as the response body (JSON text built by Postgres, equal to get()'s serialised output). */
    async getJson(id: string): Promise<string> {
      const body = await json.get(id);
      if (body === undefined) throw new NotFound('customer', id, {}, { reason: 'customer.not_found' });
      return body;
    },

    /** list() as the response body (a JSON array, equal to list()'s serialised items) with the counts. */
    listJson(q: Omit<crm.CustomerListQuery, 'fields'>): Promise<{ body: string; returned: number; total: number }> {
      return json.list(q);
    },

    async findByEmail(email: string): Promise<crm.Customer> {
      const db = deps.database.db;
      const m = await repo.findLiveEmail(db, email);
      const c = m && (await repo.findCustomerByParty(db, m.partyId));
      if (!c) throw new NotFound('customer', email, { email });
      return wire(await view(db, c.id));
    },

    /** MSISDN → the inventory module's assignment → customer; 404 when unknown or not assigned to a customer. */
    async findByMsisdn(msisdn: string): Promise<crm.Customer> {
      const db = deps.database.db;
      const a = await deps.findMsisdnAssignment(db, msisdn);
      if (!a || a.status !== 'assigned' || !a.customerId) throw new NotFound('customer', msisdn, { msisdn });
      return wire(await view(db, a.customerId));
    },

    /**
     * TMF629 merge-patch: status through the lifecycle table (activation needs a contact medium; leaving active or
     * closing needs no live subscription), the rest through planCustomerPatch's attribute policies. The downstream
     * subscription check runs before the transaction.
     */
    async patch(id: string, input: crm.CustomerPatch): Promise<crm.Customer> {
      const before = await repo.findCustomer(deps.database.db, id);
      requireCustomer(before, id, 'customer.update.not_found');
      // Asked before the transaction (no HTTP while holding locks) whenever the target is not `active`, so a status
      // that changes between this read and the lock below is still covered.
      const live = input.status !== undefined && input.status !== 'active' && input.status !== before.status ? await deps.subscriptions.liveSubscriptionIds(id) : [];
      return deps.database.db.transaction(async (tx) => {
        const c = await repo.findCustomerForUpdate(tx, id);
        requireCustomer(c, id, 'customer.update.not_found');
        const v = await view(tx, id, 'customer.update.not_found');
        const plan = planCustomerPatch(v, input, href(CUSTOMER_PATH, id));
        let status = c.status;
        if (input.status !== undefined && input.status !== c.status) {
          checkStatusTransition(c, input.status);
          checkNoLiveSubscriptions(c, input.status, live);
          if (input.status === 'active') checkHasContactMedium(v.mediums.filter((m) => m.validTo === null).length, { customerId: id });
          status = input.status;
          plan.fields.unshift('status');
        }
        if (plan.fields.length > 0) {
          await repo.updateCustomer(tx, id, { ...plan.customer, status });
          if (Object.keys(plan.individual).length > 0) await repo.updateIndividual(tx, c.partyId, plan.individual);
          await deps.outbox.stage(tx, customerEvents.updated(id, plan.fields, c.status, status));
          await logInteraction(tx, deps, { customerId: id, summary: `Customer updated: ${plan.fields.join(', ')}`, body: input.statusReason });
        }
        return wire(await view(tx, id));
      });
    },

    /**
     * TMF DELETE: refused while the customer has a live subscription or an open order (both asked before the
     * transaction); otherwise the customer becomes a tombstone — invisible to every lookup, its live mediums ended
     * so its email addresses are free again — and `customer.deleted` is staged. The rows stay because interactions,
     * cases, tickets and the audit trail keep naming the id.
     */
    async remove(id: string): Promise<void> {
      const before = await repo.findCustomer(deps.database.db, id);
      requireCustomer(before, id, 'customer.delete.not_found');
      const [live, open] = await Promise.all([deps.subscriptions.liveSubscriptionIds(id), deps.orders.openOrderIds(id)]);
      await deps.database.db.transaction(async (tx) => {
        const c = await repo.findCustomerForUpdate(tx, id);
        requireCustomer(c, id, 'customer.delete.not_found');
        checkDeletable(c, live, open);
        const now = deps.clock.now();
        await repo.endLiveMediums(tx, c.partyId, now);
        await repo.updateCustomer(tx, id, { deletedAt: now });
        await deps.outbox.stage(tx, customerEvents.deleted(id, c.status));
        await logInteraction(tx, deps, { customerId: id, summary: 'Customer deleted' });
      });
    },

    /** Whether an order may be taken for the customer (the order service's question), with the refusing rule if not. */
    async orderability(id: string): Promise<crm.CustomerOrderability> {
      const v = await view(deps.database.db, id);
      try {
        checkOrderable(v.customer, v.mediums.filter((m) => m.validTo === null).length);
        return { customerId: id, orderable: true };
      } catch (e) {
        if (e instanceof PolicyViolation) return { customerId: id, orderable: false, reason: e.rule, message: e.message };
        throw e;
      }
    },

    async updateIndividual(id: string, input: crm.IndividualPatch): Promise<crm.Customer> {
      return deps.database.db.transaction(async (tx) => {
        const c = await repo.findCustomerForUpdate(tx, id);
        requireCustomer(c, id, 'customer.contact.not_found');
        checkIndividualPatchHasFields(input, id);
        const ind = await repo.findIndividual(tx, c.partyId);
        requireCustomer(ind ? c : undefined, id, 'customer.individual.not_found');
        const fields = (['givenName', 'familyName', 'dateOfBirth'] as const).filter((k) => input[k] !== undefined);
        await repo.updateIndividual(tx, c.partyId, input);
        await deps.outbox.stage(tx, customerEvents.individualUpdated(id, fields));
        const renamed = fields.includes('givenName') || fields.includes('familyName');
        await logInteraction(tx, deps, { customerId: id, summary: renamed ? 'Customer updated their display name' : `Customer updated: ${fields.join(', ')}` });
        return wire(await view(tx, id));
      });
    },
  };
}
