// The typed HTTP client base: a mandatory timeout, no automatic retries (a retry is a business decision),
// context propagation (actor, channel, tenant, request id, traceparent) and responses parsed with contract schemas.
import { currentContext } from '@bss/telemetry';
import { z } from 'zod';
import { errorFromResponse, ServiceUnavailableError } from './errors.ts';

/** How to reach one service. */
export interface ClientOptions {
  /** e.g. http://127.0.0.1:8001 */
  baseUrl: string;
  /** Perimeter token sent as X-BSS-API-Token (a service's own calls send its `system` token: `config.outboundToken`). */
  token: string;
  /** Per-request timeout (default 5000 ms). */
  timeoutMs?: number;
  /** Overrides the context headers (the CLI and portals set their own actor/channel). */
  actor?: string;
  channel?: string;
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  timeoutMs?: number;
}

/** The response of a list call: items plus the TMF paging headers when present. */
export interface Page<T> {
  items: T[];
  total: number | undefined;
}

/** A client bound to one service. */
export interface HttpClient {
  readonly service: string;
  /** Sends the request and parses a 2xx body with `schema`; `undefined` schema means no body expected. */
  request<S extends z.ZodType>(schema: S, spec: RequestSpec): Promise<z.infer<S>>;
  /** GETs a JSON array whose elements are parsed with `item`, plus X-Total-Count. */
  requestPage<S extends z.ZodType>(item: S, spec: RequestSpec): Promise<Page<z.infer<S>>>;
  requestNoContent(spec: RequestSpec): Promise<void>;
}

function buildUrl(base: string, spec: RequestSpec): string {
  const url = new URL(spec.path, base.endsWith('/') ? base : `${base}/`);
  url.pathname = `${new URL(base).pathname.replace(/\/$/, '')}${spec.path}`;
  for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.toString();
}

/** Creates a client for `service`. */
export function createHttpClient(service: string, opts: ClientOptions): HttpClient {
  const send = async (spec: RequestSpec): Promise<{ res: Response; body: unknown }> => {
    const ctx = currentContext();
    const headers: Record<string, string> = {
      accept: 'application/json',
      'x-bss-api-token': opts.token,
      'x-bss-actor': opts.actor ?? ctx.actor,
      'x-bss-channel': opts.channel ?? ctx.channel,
      // Honoured only when the token's identity holds `tenant:delegate` (the services' `system` identity), so a
      // service-to-service call acts for the tenant of the request it serves; any other identity keeps its own.
      'x-bss-tenant': ctx.tenant,
      'x-request-id': ctx.requestId,
      traceparent: ctx.traceparent,
    };
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    const timeoutMs = spec.timeoutMs ?? opts.timeoutMs ?? 5_000;
    let res: Response;
    try {
      res = await fetch(buildUrl(opts.baseUrl, spec), {
        method: spec.method,
        headers,
        ...(spec.body !== undefined ? { body: JSON.stringify(spec.body) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError';
      throw new ServiceUnavailableError(
        service,
        timedOut ? 'downstream.timeout' : 'downstream.unreachable',
        timedOut ? `${service} did not answer within ${timeoutMs} ms` : `${service} is unreachable`,
        undefined,
        { path: spec.path },
      );
    }
    const text = await res.text();
    let body: unknown = undefined;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        throw new ServiceUnavailableError(service, 'downstream.bad_response', `${service} answered non-JSON`, res.status);
      }
    }
    if (!res.ok) throw errorFromResponse(service, res.status, body);
    return { res, body };
  };
  const parse = <S extends z.ZodType>(schema: S, body: unknown, spec: RequestSpec): z.infer<S> => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new ServiceUnavailableError(service, 'downstream.bad_response', `${service} ${spec.method} ${spec.path} answered an unexpected shape`, undefined, {
        issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    }
    return parsed.data;
  };
  return {
    service,
    async request(schema, spec) {
      const { body } = await send(spec);
      return parse(schema, body, spec);
    },
    async requestPage(item, spec) {
      const { res, body } = await send(spec);
      const total = res.headers.get('x-total-count');
      return { items: parse(z.array(item), body, spec), total: total === null ? undefined : Number(total) };
    },
    async requestNoContent(spec) {
      await send(spec);
    },
  };
}
