// The write coalescing of amqp-write-coalescing.ts against the real broker: it reaches into amqplib's Connection,
// so this pins the shape it relies on (an amqplib upgrade that moves it fails here, not silently in production),
// and checks what it is for — a burst of publishes leaves in one socket write instead of one write per message,
// and every message still arrives, in order.
import { connect, type ChannelModel } from 'amqplib';
import { afterEach, describe, expect, it } from 'vitest';
import { coalesceAmqpWrites } from '../src/amqp-write-coalescing.ts';
import { hex, MQ_URL } from './support.ts';

const models: ChannelModel[] = [];
afterEach(async () => {
  await Promise.all(models.splice(0).map((m) => m.close().catch(() => {})));
});

/** Publishes `n` messages in one turn of the event loop to a fresh queue; the socket writes it took, and what arrived. */
async function burst(coalesce: boolean, n: number): Promise<{ patched: boolean; writes: number; received: string[] }> {
  const model = await connect(MQ_URL, { noDelay: true });
  models.push(model);
  const patched = coalesce ? coalesceAmqpWrites(model) : false;
  const channel = await model.createConfirmChannel();
  const queue = `coalesce-${hex()}`;
  await channel.assertQueue(queue, { exclusive: true });
  const socket = (model as unknown as { connection: { stream: { _write: (...a: unknown[]) => void; _writev?: (...a: unknown[]) => void } } }).connection.stream;
  let writes = 0;
  const write = socket._write.bind(socket);
  socket._write = (...a: unknown[]) => {
    writes++;
    write(...a);
  };
  const writev = socket._writev?.bind(socket);
  if (writev)
    socket._writev = (...a: unknown[]) => {
      writes++;
      writev(...a);
    };
  for (let i = 0; i < n; i++) channel.sendToQueue(queue, Buffer.from(String(i)));
  await channel.waitForConfirms();
  const counted = writes;
  const received: string[] = [];
  for (;;) {
    const msg = await channel.get(queue, { noAck: true });
    if (!msg) break;
    received.push(String(msg.content));
  }
  return { patched, writes: counted, received };
}

describe('amqp write coalescing', () => {
  it('finds the frame mux and socket it patches in this amqplib', async () => {
    const { patched } = await burst(true, 1);
    expect(patched).toBe(true);
  });

  it('sends a burst of publishes in a single socket write, every message arriving in order', async () => {
    const n = 50;
    const plain = await burst(false, n);
    const coalesced = await burst(true, n);
    // Without the patch each publish is its own write; with it, the burst is one (a confirm ack may add one more).
    expect(plain.writes).toBeGreaterThanOrEqual(n);
    expect(coalesced.writes).toBeLessThanOrEqual(2);
    const expected = Array.from({ length: n }, (_, i) => String(i));
    expect(plain.received).toEqual(expected);
    expect(coalesced.received).toEqual(expected);
  });
});
