// A tiny real HTTP server standing in for the subscription service (port 8006), which is being built in parallel
// and is not in this branch: it answers the agreed `GET /subscription-api/v1/subscription/by-msisdn/{msisdn}`
// from a map, with the platform's error envelope for an unknown line. The coordinator wires the real service
// end to end; until then this proves the HTTP adapter against a real socket.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { envelope } from '@bss/policy';
import type { LineSubscription } from '../src/adapters/subscription-lookup.ts';

export interface SubscriptionStandIn {
  url: string;
  lines: Map<string, LineSubscription>;
  /** Every request's path and its X-BSS-API-Token, oldest first. */
  requests: { path: string; token: string | undefined }[];
  /** When set, every request answers this status (e.g. 500) instead. */
  failWith: number | undefined;
  close(): Promise<void>;
}

export async function startSubscriptionStandIn(lines: LineSubscription[] = []): Promise<SubscriptionStandIn> {
  const state = { lines: new Map(lines.map((l) => [l.msisdn, l])), requests: [] as SubscriptionStandIn['requests'], failWith: undefined as number | undefined };
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '';
    state.requests.push({ path, token: req.headers['x-bss-api-token'] as string | undefined });
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (state.failWith) return send(state.failWith, envelope(state.failWith, 'INTERNAL', 'internal', 'boom'));
    const match = /^\/subscription-api\/v1\/subscription\/by-msisdn\/([^/?]+)$/.exec(path);
    const sub = match ? state.lines.get(decodeURIComponent(match[1]!)) : undefined;
    if (!sub) return send(404, envelope(404, 'NOT_FOUND', 'subscription.not_found', 'no subscription holds that line'));
    return send(200, { ...sub, atType: 'Subscription', extra: 'ignored by the adapter' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
