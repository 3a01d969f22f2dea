// A real local HTTP server (node:http on port 0) standing in for another service in adapter/contract tests.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubResponse {
  status: number;
  body?: unknown;
  delayMs?: number;
}

export interface StubServer {
  url: string;
  requests: { method: string; url: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

/** Starts a server answering each request with `respond(req)`. */
export async function startStub(respond: (req: IncomingMessage) => StubResponse): Promise<StubServer> {
  const requests: StubServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const answer = respond(req);
    const send = () => {
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    };
    if (answer.delayMs) setTimeout(send, answer.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A 404 in the platform error envelope. */
export function notFoundEnvelope(entity: string, id: string): StubResponse {
  return {
    status: 404,
    body: { code: 'NOT_FOUND', reason: `${entity}.not_found`, message: `${entity} ${id} not found`, status: '404', context: { [`${entity}Id`]: id } },
  };
}
