import { describe, expect, it } from 'vitest';
import { toolDefinitions } from './tools.ts';

describe('tool definitions for the agent', () => {
  const tools = toolDefinitions();

  it('leaves out the LLM-hidden operator catalog writes and keeps hints and enums', () => {
    const names = tools.map((t) => t.name);
    expect(names).not.toContain('catalog.add_offering');
    expect(names).toContain('customer.create');
    const open = tools.find((t) => t.name === 'case.open')!;
    expect(open.parameters).toMatchObject({
      type: 'object',
      required: ['customerId', 'subject'],
      properties: { customerId: { description: expect.stringMatching(/CUST-/) }, priority: { enum: ['low', 'normal', 'medium', 'high', 'critical'] } },
    });
    expect(tools.find((t) => t.name === 'customer.close')?.destructive).toBe(true);
  });

  it('hides the price migration from the model (§A.4) and gates only termination among the lifecycle writes (§A.5)', () => {
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.has('subscription.migrate_to_new_price')).toBe(false);
    expect(byName.get('subscription.terminate')?.destructive).toBe(true);
    for (const name of ['subscription.purchase_vas', 'subscription.renew_now', 'subscription.tick_renewals_now', 'subscription.schedule_plan_change', 'subscription.cancel_pending_plan_change'])
      expect(byName.get(name)?.destructive, name).toBe(false);
    expect(byName.get('subscription.terminate')?.parameters).toMatchObject({ properties: { reason: { enum: ['customer_requested', 'operator_requested', 'fraud', 'deceased', 'other'] } } });
  });
});
