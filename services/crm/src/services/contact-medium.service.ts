// Contact-medium use-cases on /crm-api: list (with CM- ids), add, update (value of non-email mediums, primary flag)
// and remove (ends the medium: valid_to = now, so history stays and the email becomes free again).
import type { crm } from '@bss/contracts';
import type { CrmDeps } from '../deps.ts';
import { checkMediumValue, normalizeMedium, toContactMediumEntry } from '../domain/customer.mapper.ts';
import { newId } from '../domain/ids.ts';
import { customerEvents } from '../events/customer.events.ts';
import { checkEmailsUnique, checkNotEmailValueChange, checkNotLastMedium, requireCustomer, requireOwnMedium } from '../policies/customer.policies.ts';
import * as repo from '../repositories/customer.repository.ts';
import { logInteraction } from './interaction.service.ts';

/** The contact-medium use-cases bound to `deps`. */
export function contactMediumService(deps: CrmDeps) {
  return {
    async list(customerId: string, includeEnded: boolean): Promise<crm.ContactMediumEntry[]> {
      const db = deps.database.db;
      const c = await repo.findCustomer(db, customerId);
      requireCustomer(c, customerId, 'customer.contact.not_found');
      const rows = await repo.listMediums(db, [c.partyId]);
      return rows.filter((m) => includeEnded || m.validTo === null).map(toContactMediumEntry);
    },

    async add(customerId: string, input: crm.ContactMediumAdd): Promise<crm.ContactMediumEntry> {
      const m = normalizeMedium(input);
      return deps.database.db.transaction(async (tx) => {
        const c = await repo.findCustomerForUpdate(tx, customerId);
        requireCustomer(c, customerId, 'customer.contact.not_found');
        if (m.mediumType === 'email') await checkEmailsUnique(tx, [m.value]);
        const row = await repo.insertMedium(tx, { id: newId('CM'), partyId: c.partyId, ...m, validFrom: deps.clock.now(), tenantId: c.tenantId });
        if (row.isPrimary) await repo.clearPrimary(tx, c.partyId, row.mediumType, row.id);
        await deps.outbox.stage(tx, customerEvents.mediumAdded(customerId, row.id, row.mediumType));
        await logInteraction(tx, deps, { customerId, summary: `Contact medium added: ${row.mediumType}` });
        return toContactMediumEntry(row);
      });
    },

    async update(customerId: string, cmId: string, input: crm.ContactMediumPatch): Promise<crm.ContactMediumEntry> {
      return deps.database.db.transaction(async (tx) => {
        const c = await repo.findCustomerForUpdate(tx, customerId);
        requireCustomer(c, customerId, 'customer.contact.not_found');
        const m = await repo.findMedium(tx, cmId);
        requireOwnMedium(m, c, cmId, 'customer.contact_medium.unknown');
        checkNotEmailValueChange(m, input.value);
        const value = input.value === undefined ? undefined : checkMediumValue(m.mediumType, input.value);
        const row = await repo.updateMedium(tx, cmId, { ...(value !== undefined ? { value } : {}), ...(input.isPrimary !== undefined ? { isPrimary: input.isPrimary } : {}) });
        if (row.isPrimary) await repo.clearPrimary(tx, c.partyId, row.mediumType, row.id);
        await deps.outbox.stage(tx, customerEvents.mediumUpdated(customerId, cmId, row.mediumType));
        await logInteraction(tx, deps, { customerId, summary: `Contact medium updated: ${row.mediumType}` });
        return toContactMediumEntry(row);
      });
    },

    async remove(customerId: string, cmId: string): Promise<void> {
      await deps.database.db.transaction(async (tx) => {
        const c = await repo.findCustomerForUpdate(tx, customerId);
        requireCustomer(c, customerId, 'customer.contact.not_found');
        const m = await repo.findMedium(tx, cmId);
        requireOwnMedium(m, c, cmId, 'customer.contact.medium_not_found');
        checkNotLastMedium((await repo.listMediums(tx, [c.partyId])).filter((x) => x.validTo === null).length, customerId, cmId);
        await repo.updateMedium(tx, cmId, { validTo: deps.clock.now(), isPrimary: false });
        await deps.outbox.stage(tx, customerEvents.mediumRemoved(customerId, cmId, m.mediumType));
        await logInteraction(tx, deps, { customerId, summary: `Contact medium removed: ${m.mediumType}` });
      });
    },
  };
}
