// Unit tests of the in-process broker's RabbitMQ model, without a database: topic routing with one copy per
// bound queue, the unrouted catch, queues holding messages until a consumer attaches, the prefetch window,
// round-robin between consumers, delayed returns to one queue only, and idle().
import { describe, expect, it } from 'vitest';
import { createInProcessBroker, type BrokerMessage } from './in-process-broker.ts';

const msg = (id: string, headers: Record<string, unknown> = {}): BrokerMessage => ({ content: Buffer.from(`{"id":"${id}"}`), properties: { messageId: id, type: 't', headers } });

/** One macrotask: every delivery scheduled so far has started. */
const turn = () => new Promise((r) => setTimeout(r, 0));

async function until(ok: () => boolean, timeoutMs = 2000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!ok()) {
    if (performance.now() > end) throw new Error('condition not met in time');
    await turn();
  }
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the in-process broker', () => {
  it('routes by topic binding to every bound queue, each getting its own copy, and keeps the unmatched', () => {
    const b = createInProcessBroker();
    b.declareQueue('ex', 'orders', ['order.*']);
    b.declareQueue('ex', 'all', ['#']);
    b.declareQueue('other', 'elsewhere', ['#']);
    expect(b.publish('ex', 'order.placed', msg('1')).sort()).toEqual(['all', 'orders']);
    expect([b.depth('orders'), b.depth('all'), b.depth('elsewhere')]).toEqual([1, 1, 0]);
    b.declareQueue('narrow', 'only-cases', ['case.opened']);
    expect(b.publish('narrow', 'order.placed', msg('2'))).toEqual([]);
    expect(b.unrouted('narrow').map((m) => m.properties.messageId)).toEqual(['2']);
    expect(b.unrouted('ex')).toEqual([]);
    expect(() => b.sendToQueue('missing', msg('3'))).toThrow(/not declared/);
  });

  it('holds messages until a consumer attaches and never gives it more than its prefetch at once', async () => {
    const b = createInProcessBroker();
    b.declareQueue('ex', 'q', ['#']);
    for (const id of ['a', 'b', 'c']) b.publish('ex', 'k', msg(id));
    const gates = new Map<string, ReturnType<typeof deferred>>();
    const started: string[] = [];
    b.consume('q', {
      prefetch: 2,
      deliver(m) {
        started.push(m.properties.messageId!);
        const d = deferred();
        gates.set(m.properties.messageId!, d);
        return d.promise;
      },
    });
    await turn();
    expect(started).toEqual(['a', 'b']);
    expect(b.depth('q')).toBe(1);
    gates.get('a')!.resolve();
    await turn();
    expect(started).toEqual(['a', 'b', 'c']);
    expect(await b.idle(5)).toBe(false);
    gates.get('b')!.resolve();
    gates.get('c')!.resolve();
    expect(await b.idle(1000)).toBe(true);
  });

  it('alternates between consumers of one queue and puts a message a consumer threw on back at the head', async () => {
    const b = createInProcessBroker();
    b.declareQueue('ex', 'q', ['#']);
    const got: string[] = [];
    let threw = false;
    b.consume('q', {
      prefetch: 1,
      async deliver(m) {
        if (!threw) {
          threw = true;
          throw new Error('bug');
        }
        got.push(`x:${m.properties.messageId}`);
      },
    });
    b.consume('q', { prefetch: 1, deliver: async (m) => void got.push(`y:${m.properties.messageId}`) });
    for (const id of ['1', '2', '3']) b.publish('ex', 'k', msg(id));
    expect(await b.idle(1000)).toBe(true);
    expect(got.map((g) => g.slice(2)).sort()).toEqual(['1', '2', '3']);
    expect(new Set(got.map((g) => g[0]))).toEqual(new Set(['x', 'y']));
  });

  it('returns a delayed message to its own queue only, after the delay', async () => {
    const b = createInProcessBroker();
    b.declareQueue('ex', 'failing', ['k']);
    b.declareQueue('ex', 'bystander', ['k']);
    b.delay('failing', msg('r', { attempt: 2 }), 20);
    expect(b.depth('failing')).toBe(0);
    await until(() => b.depth('failing') === 1);
    expect(b.depth('bystander')).toBe(0);
    b.delay('failing', msg('lost'), 10_000);
    b.close();
  });

  it('keeps a parked list per queue and counts a queue without consumers as idle', async () => {
    const b = createInProcessBroker();
    b.declareQueue('ex', 'q', ['#']);
    b.park('q', msg('p'));
    expect(b.parked('q').map((m) => m.properties.messageId)).toEqual(['p']);
    b.publish('ex', 'k', msg('waiting'));
    expect(await b.idle(5)).toBe(true);
  });
});
