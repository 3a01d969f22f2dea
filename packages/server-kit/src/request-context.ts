// Builds the RequestContext: identity and tenant from the perimeter, attribution (X-BSS-Actor / X-BSS-Channel,
// descriptive only, never used to authorize), X-Request-Id and traceparent; opens the server span, and runs the handler inside it. The context is (re)entered in preHandler because
// body parsing happens on socket callbacks that do not inherit the onRequest async context.
import { randomUUID } from 'node:crypto';
import { newTraceparent, parseTraceparent, runWithContext, SpanKind, SpanStatusCode, type RequestContext, type Span, type Tracing } from '@bss/telemetry';
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    span: Span | undefined;
  }
}

const HEADER_VALUE = /^[\w.@:+\-/ ]{1,128}$/;

function header(req: FastifyRequest, name: string, fallback: string): string {
  const v = req.headers[name];
  return typeof v === 'string' && HEADER_VALUE.test(v) ? v : fallback;
}

/** A request id from X-Request-Id when it is sane, else a fresh UUID. */
export function requestIdFrom(raw: unknown): string {
  return typeof raw === 'string' && /^[\w.:-]{1,128}$/.test(raw) ? raw : randomUUID();
}

/** Installs context + tracing hooks; must run after the perimeter so the identity is known. */
export function installRequestContext(app: FastifyInstance, tracing: Tracing, service: string): void {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('span', undefined);
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    const inbound = typeof req.headers.traceparent === 'string' ? req.headers.traceparent : undefined;
    const parent = parseTraceparent(inbound);
    let traceparent: string;
    if (tracing.enabled) {
      // The route pattern, never the concrete path: paths carry emails and MSISDNs (`by-email/{email}`), and
      // spans leave the process. An unmatched request is named `unmatched`, not by its URL.
      const route = req.routeOptions.url ?? 'unmatched';
      req.span = tracing.startSpan(`${req.method} ${route}`, SpanKind.SERVER, parent ? inbound : undefined, {
        'http.request.method': req.method,
        'http.route': route,
        'bss.service': service,
      });
      traceparent = tracing.traceparentOf(req.span);
    } else {
      traceparent = newTraceparent(parent?.traceId);
    }
    req.ctx = {
      requestId: req.id,
      actor: header(req, 'x-bss-actor', 'system'),
      channel: header(req, 'x-bss-channel', 'system'),
      tenant: req.tenant,
      serviceIdentity: req.serviceIdentity,
      traceId: parseTraceparent(traceparent)!.traceId,
      traceparent,
    };
    req.span?.setAttributes({ 'bss.actor': req.ctx.actor, 'bss.channel': req.ctx.channel, 'bss.service.identity': req.ctx.serviceIdentity });
    runWithContext(req.ctx, done);
  });
  app.addHook('preHandler', (req, _reply, done) => runWithContext(req.ctx, done));
  // Only a tracing app has spans to end; without tracing the hook would be one more step on every response.
  if (!tracing.enabled) return;
  app.addHook('onResponse', (req, reply, done) => {
    if (req.span) {
      req.span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) req.span.setStatus({ code: SpanStatusCode.ERROR });
      req.span.end();
    }
    done();
  });
}
