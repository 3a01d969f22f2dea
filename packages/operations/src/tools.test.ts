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
});
