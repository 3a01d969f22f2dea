// Chaos for the consumers: every event published on the run's exchange is published a second time, after a random
// delay, so each consumer sees every event twice and out of order relative to the events that followed it. The
// copies carry a marker header so they are not copied again; consumers must dedupe them through their inbox.
import amqp from 'amqplib';

const MARK = 'x-bss-chaos-copy';

export interface ChaosReplayer {
  copies(): number;
  /** Waits until every scheduled copy was published, then disconnects. */
  stop(): Promise<void>;
}

export async function startChaosReplayer(mqUrl: string, exchange: string, maxDelayMs = 300, random = Math.random): Promise<ChaosReplayer> {
  const model = await amqp.connect(mqUrl);
  model.on('error', () => {});
  const ch = await model.createConfirmChannel();
  const { queue } = await ch.assertQueue('', { exclusive: true, autoDelete: true });
  await ch.bindQueue(queue, exchange, '#');
  let copies = 0;
  const pending = new Set<Promise<void>>();
  await ch.consume(
    queue,
    (msg) => {
      if (!msg) return;
      ch.ack(msg);
      if (msg.properties.headers?.[MARK]) return;
      const p = new Promise<void>((resolve) => {
        setTimeout(() => {
          const props = { ...msg.properties, headers: { ...msg.properties.headers, [MARK]: 1 }, persistent: true };
          ch.publish(exchange, msg.fields.routingKey, msg.content, props, () => {
            copies++;
            resolve();
          });
        }, Math.floor(random() * maxDelayMs));
      });
      pending.add(p);
      void p.finally(() => pending.delete(p));
    },
    { noAck: false },
  );
  return {
    copies: () => copies,
    async stop() {
      while (pending.size) await Promise.all([...pending]);
      await ch.close().catch(() => {});
      await model.close().catch(() => {});
    },
  };
}
