// A tiny HTTP stand-in for services that are built in parallel and not in this branch (subscription, SOM): it
// answers their agreed contract from a table the test edits, so COM's and CRM's real HTTP adapters run against
// a real socket.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StubRoute = (req: IncomingMessage, url: URL) => { status: number; body: unknown } | undefined;

export async function startStubServer(route: StubRoute): Promise<{ url: string; calls: string[]; close(): Promise<void> }> {
  const calls: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    calls.push(`${req.method} ${url.pathname}`);
    const answer = route(req, url) ?? { status: 404, body: { code: 'NOT_FOUND', reason: 'stub.not_found', message: 'no stub route', status: '404', referenceError: 'x', context: {} } };
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, calls, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
