// TMF list conventions: X-Total-Count / X-Result-Count headers and absolute hrefs from a public base URL.
import type { FastifyReply } from 'fastify';

/** The content type Fastify gives a serialised JSON body; a route sending JSON built elsewhere (text) sets it. */
export const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Sends `body`, JSON text built elsewhere (by Postgres: @bss/db json-read.ts), as the response. Fastify sends a
 * string with a JSON content type as it is, without the route's response serializer; the route keeps its schema
 * for the OpenAPI document and for every other path, and a test pins the text to what the serializer writes.
 */
export function sendRawJson<R>(reply: R, body: string): R {
  return (reply as unknown as FastifyReply).type(JSON_TYPE).send(body) as unknown as R;
}

/** Sets the TMF paging headers on a list response. */
export function setListHeaders(reply: FastifyReply, total: number, returned: number): void {
  reply.header('X-Total-Count', String(total)).header('X-Result-Count', String(returned));
}

/** Builds absolute hrefs: `href('/tmf-api/…/productOffering', 'PLAN_M')`. */
export function hrefBuilder(publicBaseUrl: string) {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return (collectionPath: string, id: string) => `${base}${collectionPath}/${encodeURIComponent(id)}`;
}

/** Drops keys whose value is null or undefined: TMF omits optional attributes without a value. */
export function omitEmpty<T extends Record<string, unknown>>(obj: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}
