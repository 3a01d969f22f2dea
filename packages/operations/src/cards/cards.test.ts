// Snapshot of every card at 80 and 120 columns, and the width contract: no line of any card exceeds the width it
// was given (down to a narrow 40), and no card carries terminal markup.
import { describe, expect, it } from 'vitest';
import { renderCase, renderTicket } from './case.card.ts';
import { renderCustomer360 } from './customer-360.card.ts';
import { renderEsimActivation } from './esim.card.ts';
import { caseTickets, customer360, esimActivation, esimProfile, offerings, openCase, order, portIn, subscription } from './fixtures.ts';
import { renderOrderTree } from './order-tree.card.ts';
import { renderPlanComparison } from './plan-comparison.card.ts';
import { renderPortRequest, renderPortRequestList } from './port-request.card.ts';
import { renderSubscription } from './subscription.card.ts';
import { bar, textWidth } from './text.ts';

const CARDS: Record<string, (width: number) => string> = {
  'customer 360': (width) => renderCustomer360(customer360, { width }),
  'plan comparison': (width) => renderPlanComparison(offerings, { width }),
  'case with tickets': (width) => renderCase({ case: openCase, tickets: caseTickets }, { width }),
  ticket: (width) => renderTicket(caseTickets[0]!, { width }),
  'eSIM activation': (width) => renderEsimActivation({ activation: esimActivation, profile: esimProfile }, { width }),
  'port request': (width) => renderPortRequest(portIn, { width }),
  'port request list': (width) => renderPortRequestList([portIn, { ...portIn, id: 'PORT-00000002', state: 'requested', direction: 'port_out' }], { width }),
  'subscription with balance bars': (width) => renderSubscription(subscription, { width }),
  'blocked subscription': (width) => renderSubscription({ ...subscription, state: 'blocked' }, { width }),
  'order with SOM tree': (width) => renderOrderTree(order, { width }),
};

describe.each(Object.entries(CARDS))('the %s card', (_name, render) => {
  it.each([80, 120])('renders at %i columns', (width) => {
    expect(`\n${render(width)}\n`).toMatchSnapshot();
  });

  it.each([40, 80, 120, 200])('keeps every line within %i columns and carries no terminal markup', (width) => {
    const text = render(width);
    for (const line of text.split('\n')) expect(textWidth(line), line).toBeLessThanOrEqual(width);
    expect(text.includes('\u001b[')).toBe(false);
  });
});

describe('the subscription card', () => {
  it('tells an allowance the plan does not include (total 0) from an unlimited one (total −1)', () => {
    const out = renderSubscription({ ...subscription, balances: [{ type: 'data_roaming', used: 0, total: 0, unit: 'mb' }, { type: 'sms', used: 3, total: -1, unit: 'count' }] }, { width: 80 });
    expect(out).toMatch(/Roaming.*not included/);
    expect(out).toMatch(/SMS.*unlimited/);
    expect(out).not.toMatch(/Roaming.*unlimited/);
  });
});

describe('card primitives', () => {
  it('draws 26-cell bars with eighth-cell precision and a rule for unlimited', () => {
    expect(bar(0, 100)).toBe(`[${'░'.repeat(26)}]`);
    expect(bar(100, 100)).toBe(`[${'█'.repeat(26)}]`);
    expect(bar(50, 100)).toBe(`[${'█'.repeat(13)}${'░'.repeat(13)}]`);
    expect(bar(1, 26 * 8)).toBe(`[▏${'░'.repeat(25)}]`);
    expect(bar(5, -1)).toBe(`[${'─'.repeat(26)}]`);
  });

  it('puts a scannable QR of the LPA string on the eSIM card when it fits, and says so when it does not', () => {
    expect(renderEsimActivation({ activation: esimActivation }, { width: 64 })).toMatch(/[▀▄█]{10}/);
    expect(renderEsimActivation({ activation: esimActivation }, { width: 30 })).toMatch(/too narrow for the QR/);
  });
});
