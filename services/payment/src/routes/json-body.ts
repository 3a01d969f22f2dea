// JSON body parsing that never quotes the body back. V8's JSON.parse errors embed a slice of the input
// ("…"4000 0000 0000 0002"… is not valid JSON"), which the shared error envelope would echo — a card number
// in a malformed add-card body must not come back in the 400 or reach a log line.
import type { App } from '@bss/server-kit';

const badBody = (code: string, message: string) => Object.assign(new Error(message), { statusCode: 400, code });

// Drops prototype-polluting keys, as Fastify's default (secure-json-parse) does.
const reviver = (key: string, value: unknown) => (key === '__proto__' || key === 'constructor' ? undefined : value);

/** Replaces the application/json parser with one whose errors carry no part of the body. */
export function installRedactingJsonParser(app: App): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(badBody('FST_ERR_CTP_EMPTY_JSON_BODY', 'body cannot be empty when content-type is application/json'));
    try {
      done(null, JSON.parse(text, reviver));
    } catch {
      done(badBody('FST_ERR_CTP_INVALID_JSON_BODY', 'request body is not valid JSON'));
    }
  });
}
