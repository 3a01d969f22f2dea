// Unit tests of the runtime's topology guard: a service may only consume a queue exactly as the catalogue
// in @bss/contracts declares it (same owner, bindings and inbox), since every other service declares it too.
import { describe, expect, it } from 'vitest';
import { checkCatalogued } from './runtime.ts';

const entry = { queue: 'subscription.port_request.approved', bindings: ['port_request.approved'], inboxSchema: 'subscription' };

describe('checkCatalogued', () => {
  it('accepts a consumer that matches its catalogue entry', () => {
    expect(() => checkCatalogued('subscription', entry)).not.toThrow();
  });

  it('refuses a queue the catalogue does not list', () => {
    expect(() => checkCatalogued('subscription', { ...entry, queue: 'subscription.surprise' })).toThrow(/not in the topology catalogue/);
  });

  it('refuses other bindings, another owner or another inbox', () => {
    expect(() => checkCatalogued('subscription', { ...entry, bindings: ['port_request.#'] })).toThrow(/differs from its catalogue entry/);
    expect(() => checkCatalogued('crm', entry)).toThrow(/differs from its catalogue entry \(owner subscription/);
    expect(() => checkCatalogued('subscription', { ...entry, inboxSchema: 'crm' })).toThrow(/inbox schema crm differs/);
  });
});
