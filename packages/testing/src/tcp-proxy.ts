// A TCP proxy in front of RabbitMQ that a test can cut, stop and restart on the same port: how the event-plane
// and order-pipeline fault tests kill broker connections without touching the shared broker.
import net from 'node:net';

const MQ_URL = process.env.BSS_MQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** A TCP proxy to RabbitMQ that a test can take down (refuse + cut) and bring back on the same port. */
export interface TcpProxy {
  port: number;
  url: string;
  /** Stops accepting and destroys every live connection. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  /** Destroys live connections but keeps accepting new ones. */
  cut(): void;
}

export async function startTcpProxy(target = new URL(MQ_URL)): Promise<TcpProxy> {
  const targetPort = Number(target.port || 5672);
  const targetHost = target.hostname;
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  let server: net.Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(targetPort, targetHost);
        track(client);
        track(upstream);
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });
  const cut = () => {
    for (const s of sockets) s.destroy();
  };
  await listen();
  const url = new URL(MQ_URL);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    port,
    url: url.toString(),
    async stop() {
      const s = server;
      server = undefined;
      cut();
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    start: listen,
    cut,
  };
}
