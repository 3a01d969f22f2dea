import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

describe('createLogger redaction', () => {
  it('redacts API tokens in any headers object and the values a raw database error carries', () => {
    const lines: string[] = [];
    const log = createLogger('test', 'info', { write: (l: string) => void lines.push(l) });
    log.info({ headers: { 'x-bss-api-token': 'tok-secret-1', authorization: 'Bearer tok-secret-2' } }, 'a');
    log.info({ req: { headers: { 'x-bss-api-token': 'tok-secret-3' } } }, 'b');
    log.error({ err: { message: 'Failed query', params: ['ada@example.com'], detail: 'Key (email)=(ada@example.com)', cause: { detail: 'ada@example.com' } } }, 'c');
    const text = lines.join('');
    expect(text).not.toMatch(/tok-secret|ada@example\.com/);
    expect(text.match(/\[redacted\]/g)?.length).toBe(6);
  });
});
