// OpenTelemetry tracing: spans exported over OTLP/HTTP when an endpoint is configured, otherwise a no-op
// tracer. Context is propagated explicitly (traceparent in RequestContext, HTTP headers and AMQP headers)
// rather than through a global context manager, so it works the same in every runtime path.
//
// Only @opentelemetry/api is imported up front. The SDK (tracer provider, OTLP exporter, resources and the
// semantic conventions they pull in: ~770 KB of source in ~230 modules) is required only
// when an endpoint is set, so a process with tracing off — `make up`, the bench — never loads it
// (DECISIONS.md, 2026-12-01 fleet memory). `require` keeps createTracing synchronous; the SDK ships CommonJS.
import { createRequire } from 'node:module';
import { context, isSpanContextValid, propagation, trace, type Span, type SpanKind, type Tracer } from '@opentelemetry/api';
import type * as OtelCore from '@opentelemetry/core';
import type * as OtlpHttp from '@opentelemetry/exporter-trace-otlp-http';
import type * as OtelResources from '@opentelemetry/resources';
import type * as OtelSdkTrace from '@opentelemetry/sdk-trace';
import { parseTraceparent } from './context.ts';

/** A service's tracer and how to flush it. */
export interface Tracing {
  tracer: Tracer;
  enabled: boolean;
  /** Starts a span as a child of `parentTraceparent` (or a root span). */
  startSpan(name: string, kind: SpanKind, parentTraceparent?: string, attributes?: Record<string, string>): Span;
  /** The traceparent of `span` for downstream propagation. */
  traceparentOf(span: Span): string;
  shutdown(): Promise<void>;
}

const requireSdk = createRequire(import.meta.url);

/** The tracer provider exporting to `url`, with the SDK loaded on this first use. */
function exportingProvider(service: string, url: string) {
  const { W3CTraceContextPropagator } = requireSdk('@opentelemetry/core') as typeof OtelCore;
  const { OTLPTraceExporter } = requireSdk('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpHttp;
  const { resourceFromAttributes } = requireSdk('@opentelemetry/resources') as typeof OtelResources;
  const { BatchSpanProcessor, TracerProvider } = requireSdk('@opentelemetry/sdk-trace') as typeof OtelSdkTrace;
  // The global propagator is used by nothing here, but set it so third-party instrumentation agrees with us.
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  return new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url }), scheduledDelayMillis: 500 })],
  });
}

/**
 * The W3C trace-context rules for the one header we carry (what W3CTraceContextPropagator does for
 * `traceparent`; there is no `tracestate` here): a valid parent becomes the remote parent span context.
 */
function parentContext(traceparent: string | undefined) {
  const parsed = parseTraceparent(traceparent);
  if (!parsed) return context.active();
  return trace.setSpanContext(context.active(), { traceId: parsed.traceId, spanId: parsed.spanId, traceFlags: Number.parseInt(parsed.flags, 16), isRemote: true });
}

/** Sets up tracing for `service`; pass no endpoint to get a no-op tracer that still carries ids. */
export function createTracing(service: string, endpoint?: string): Tracing {
  const provider = endpoint ? exportingProvider(service, endpoint.endsWith('/v1/traces') ? endpoint : `${endpoint.replace(/\/+$/, '')}/v1/traces`) : undefined;
  const tracer = provider ? provider.getTracer(`bss.${service}`) : trace.getTracer('noop');
  return {
    tracer,
    enabled: provider !== undefined,
    startSpan(name, kind, parentTraceparent, attributes) {
      return tracer.startSpan(name, { kind, ...(attributes ? { attributes } : {}) }, parentContext(parentTraceparent));
    },
    traceparentOf(span) {
      const sc = span.spanContext();
      if (!isSpanContextValid(sc)) return '';
      return `00-${sc.traceId}-${sc.spanId}-${(sc.traceFlags & 0xff).toString(16).padStart(2, '0')}`;
    },
    async shutdown() {
      await provider?.shutdown();
    },
  };
}
