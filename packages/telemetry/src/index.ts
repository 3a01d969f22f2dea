// @bss/telemetry: request context, structured logging and OpenTelemetry tracing.
export {
  currentContext,
  newTraceparent,
  parseTraceparent,
  runWithContext,
  systemContext,
  traceIdOf,
  type RequestContext,
} from './context.ts';
export { createLogger, REDACT_PATHS, type Logger } from './logger.ts';
export { createTracing, type Tracing } from './tracing.ts';
export { SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';
