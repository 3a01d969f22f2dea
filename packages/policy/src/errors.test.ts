import { describe, expect, it } from 'vitest';
import { NotFound } from './errors.ts';

describe('NotFound', () => {
  it('defaults its reason to <entity>.not_found and names the id in context', () => {
    const e = new NotFound('ticket', 'TKT-1');
    expect([e.status, e.code, e.reason, e.message]).toEqual([404, 'NOT_FOUND', 'ticket.not_found', 'ticket TKT-1 not found']);
    expect(e.context).toEqual({ ticketId: 'TKT-1' });
  });

  it('keeps a documented rule id and message when given', () => {
    const e = new NotFound('offering', 'PLAN_X', {}, { reason: 'catalog.offering.not_found', message: 'ProductOffering PLAN_X not found' });
    expect([e.status, e.reason, e.message]).toEqual([404, 'catalog.offering.not_found', 'ProductOffering PLAN_X not found']);
    expect(e.context).toEqual({ offeringId: 'PLAN_X' });
  });
});
