// OpenTelemetry tracing: spans exported over OTLP/HTTP when an endpoint is configured, otherwise a no-op
// tracer. Context is propagated explicitly (traceparent in RequestContext, HTTP headers and AMQP headers)
// rather than through a global context manager, so it works the same in every runtime path.
import { context, propagation, trace, type Span, type SpanKind, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';

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

const propagator = new W3CTraceContextPropagator();

/** Sets up tracing for `service`; pass no endpoint to get a no-op tracer that still carries ids. */
export function createTracing(service: string, endpoint?: string): Tracing {
  let provider: TracerProvider | undefined;
  let tracer: Tracer;
  if (endpoint) {
    const url = endpoint.endsWith('/v1/traces') ? endpoint : `${endpoint.replace(/\/+$/, '')}/v1/traces`;
    provider = new TracerProvider({
      resource: resourceFromAttributes({ 'service.name': service }),
      spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url }), scheduledDelayMillis: 500 })],
    });
    tracer = provider.getTracer(`bss.${service}`);
  } else {
    tracer = trace.getTracer('noop');
  }
  return {
    tracer,
    enabled: provider !== undefined,
    startSpan(name, kind, parentTraceparent, attributes) {
      const parent = parentTraceparent
        ? propagator.extract(context.active(), { traceparent: parentTraceparent }, { get: (c, k) => c[k as 'traceparent'], keys: (c) => Object.keys(c) })
        : context.active();
      return tracer.startSpan(name, { kind, ...(attributes ? { attributes } : {}) }, parent);
    },
    traceparentOf(span) {
      const carrier: Record<string, string> = {};
      propagator.inject(trace.setSpan(context.active(), span), carrier, { set: (c, k, v) => (c[k] = v) });
      return carrier.traceparent ?? '';
    },
    async shutdown() {
      await provider?.shutdown();
    },
  };
}

// The global propagator is used by nothing here, but set it so third-party instrumentation agrees with us.
propagation.setGlobalPropagator(propagator);
