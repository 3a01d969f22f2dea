// An open-loop HTTP/1.1 POST sender over raw keep-alive sockets, for the usage ingest: the load generator shares
// the machine's two cores with the system under test, and node:http's client (request objects, header
// parsing, streams) cost ~0.15 ms of CPU per request — as much as a tenth of what the whole pipeline spends on a
// record. Each request is a prebuilt buffer; each response is read as far as its status code and Content-Length
// (the services always send one) and skipped. One request in flight per socket; requests beyond the sockets wait
// in a queue, so a slow server shows as latency measured from the moment the request was due.
import { connect, type Socket } from 'node:net';

export interface RawPoster {
  /** Sends `body` to the path; resolves with the status code (0: the connection failed). */
  post(body: string): Promise<number>;
  close(): void;
}

interface Pending {
  bytes: Buffer;
  done(status: number): void;
}

export function rawPoster(url: URL, headers: Record<string, string>, sockets = 64): RawPoster {
  const head = `POST ${url.pathname} HTTP/1.1\r\nhost: ${url.host}\r\nconnection: keep-alive\r\ncontent-type: application/json\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}`;
  const queue: Pending[] = [];
  const idle: Conn[] = [];
  let closed = false;

  class Conn {
    socket: Socket;
    current: Pending | undefined;
    buf: Buffer = Buffer.alloc(0);
    constructor() {
      this.socket = connect(Number(url.port), url.hostname);
      this.socket.setNoDelay(true);
      this.socket.on('data', (chunk: Buffer) => this.read(chunk));
      this.socket.on('error', () => {});
      this.socket.on('close', () => {
        this.current?.done(0);
        this.current = undefined;
        if (!closed) replace(this);
      });
    }
    send(p: Pending) {
      this.current = p;
      this.socket.write(p.bytes);
    }
    read(chunk: Buffer) {
      this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
      for (;;) {
        const end = this.buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const headText = this.buf.toString('latin1', 0, end);
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(headText)?.[1] ?? 0);
        if (this.buf.length < end + 4 + length) return;
        const status = Number(headText.slice(9, 12));
        this.buf = this.buf.subarray(end + 4 + length);
        const p = this.current;
        this.current = undefined;
        p?.done(status);
        next(this);
      }
    }
  }
  const conns: Conn[] = [];
  function replace(c: Conn) {
    const waiting = idle.indexOf(c);
    if (waiting >= 0) idle.splice(waiting, 1);
    const i = conns.indexOf(c);
    const fresh = new Conn();
    if (i >= 0) conns[i] = fresh;
    next(fresh);
  }
  function next(c: Conn) {
    const p = queue.shift();
    if (p) c.send(p);
    else idle.push(c);
  }
  for (let i = 0; i < sockets; i++) {
    const c = new Conn();
    conns.push(c);
    idle.push(c);
  }
  return {
    post(body) {
      return new Promise((done) => {
        const bytes = Buffer.from(`${head}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        const c = idle.pop();
        if (c) c.send({ bytes, done });
        else queue.push({ bytes, done });
      });
    },
    close() {
      closed = true;
      for (const c of conns) c.socket.destroy();
    },
  };
}
