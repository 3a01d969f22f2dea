// Customer use-cases: create (TMF629 or CLI shape), status lifecycle PATCH, name/birth-date update, and reads
// (get, list, by email, by MSISDN). Each write is one transaction: policy → rows → event → auto-logged interaction.
import type { crm } from '@bss/contracts';
import type { Executor } from '@bss/db';
import { NotFound } from '@bss/policy';
import { hrefBuilder } from '@bss/server-kit';
import { currentContext } from '@bss/telemetry';
import type { CrmDeps } from '../deps.ts';
import { fullName, normalizeCustomerCreate, toTmfCustomer } from '../domain/customer.mapper.ts';
import { newId } from '../domain/ids.ts';
import { customerEvents } from '../events/customer.events.ts';
import {
  checkEmailsUnique,
  checkHasContactMedium,
  checkIndividualPatchHasFields,
  checkNoLiveSubscriptions,
  checkStatusTransition,
  requireCustomer,
} from '../policies/customer.policies.ts';
import * as repo from '../repositories/customer.repository.ts';
import { logInteraction } from './interaction.service.ts';

export const CUSTOMER_PATH = '/tmf-api/customerManagement/v4/customer';

/** The customer use-cases bound to `deps`. */
export function customerService(deps: CrmDeps) {
  const href = hrefBuilder(deps.config.publicBaseUrl);
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
      return deps.database.db.transaction(async (tx) => {
        checkHasContactMedium(n.mediums);
        await checkEmailsUnique(tx, n.mediums.filter((m) => m.mediumType === 'email').map((m) => m.value));
        const now = deps.clock.now();
        const tenantId = currentContext().tenant;
        const partyId = newId('PTY');
        const customerId = newId('CUST');
        await repo.insertParty(tx, { id: partyId, partyType: 'individual', tenantId });
        await repo.insertIndividual(tx, { partyId, givenName: n.givenName, familyName: n.familyName, dateOfBirth: n.dateOfBirth, tenantId });
        await repo.insertCustomer(tx, { id: customerId, partyId, status: n.status, customerSince: now, tenantId });
        for (const m of n.mediums) await repo.insertMedium(tx, { id: newId('CM'), partyId, ...m, validFrom: now, tenantId });
        await deps.outbox.stage(tx, customerEvents.created(customerId, n.givenName, n.familyName, n.status));
        await logInteraction(tx, deps, { customerId, summary: `Customer created: ${fullName(n)}` });
        return wire(await view(tx, customerId));
      });
    },

    async get(id: string): Promise<crm.Customer> {
      return wire(await view(deps.database.db, id));
    },

    async list(q: crm.CustomerListQuery): Promise<{ items: crm.Customer[]; total: number }> {
      const { views, total } = await repo.listCustomerViews(deps.database.db, q);
      return { items: views.map(wire), total };
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

    /** Status lifecycle change (and/or reason). The downstream subscription check runs before the transaction. */
    async patch(id: string, input: crm.CustomerPatch): Promise<crm.Customer> {
      const before = await repo.findCustomer(deps.database.db, id);
      requireCustomer(before, id, 'customer.update.not_found');
      // Asked before the transaction (no HTTP while holding locks) whenever the target is not `active`, so a status
      // that changes between this read and the lock below is still covered.
      const live = input.status !== undefined && input.status !== 'active' && input.status !== before.status ? await deps.subscriptions.liveSubscriptionIds(id) : [];
      return deps.database.db.transaction(async (tx) => {
        const c = await repo.findCustomerForUpdate(tx, id);
        requireCustomer(c, id, 'customer.update.not_found');
        const fields: string[] = [];
        let status = c.status;
        if (input.status !== undefined && input.status !== c.status) {
          checkStatusTransition(c, input.status);
          checkNoLiveSubscriptions(c, input.status, live);
          status = input.status;
          fields.push('status');
        }
        if (input.statusReason !== undefined) fields.push('statusReason');
        if (fields.length > 0) {
          await repo.updateCustomer(tx, id, { status, ...(input.statusReason !== undefined ? { statusReason: input.statusReason } : {}) });
          await deps.outbox.stage(tx, customerEvents.updated(id, fields, c.status, status));
          await logInteraction(tx, deps, { customerId: id, summary: `Customer updated: ${fields.join(', ')}`, body: input.statusReason });
        }
        return wire(await view(tx, id));
      });
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
