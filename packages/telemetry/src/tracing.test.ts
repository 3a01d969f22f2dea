import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { createTracing } from './tracing.ts';

describe('createTracing without an endpoint', () => {
  const tracing = createTracing('quiet');

  it('continues a valid inbound trace: the span carries the caller’s trace id, span id and flags', () => {
    const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const span = tracing.startSpan('GET /x', SpanKind.SERVER, parent);
    expect(tracing.enabled).toBe(false);
    expect(tracing.traceparentOf(span)).toBe(parent);
    expect(tracing.traceparentOf(tracing.startSpan('y', SpanKind.CLIENT, '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00'))).toMatch(/-00$/);
  });

  it('propagates nothing for a root span or an invalid parent (all-zero ids, wrong shape)', () => {
    expect(tracing.traceparentOf(tracing.startSpan('root', SpanKind.INTERNAL))).toBe('');
    expect(tracing.traceparentOf(tracing.startSpan('z', SpanKind.SERVER, `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`))).toBe('');
    expect(tracing.traceparentOf(tracing.startSpan('w', SpanKind.SERVER, 'not-a-traceparent'))).toBe('');
  });
});
