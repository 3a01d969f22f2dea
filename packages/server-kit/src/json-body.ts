// The application/json (and application/merge-patch+json) body parser. Two differences from Fastify's own:
// - an empty body is "no body", not a 400: clients (curl -H, generic HTTP libraries) send
//   `Content-Type: application/json` on DELETE and other body-less calls; a route that needs a body still
//   answers 400 through its schema (`body` required);
// - nesting is bounded before JSON.parse runs, so a 10,000-deep array is refused in one linear scan instead of
//   being built, walked by zod and stored as jsonb. Fastify's prototype-poisoning protection is kept.
import { ValidationFailed } from '@bss/policy';
import type { FastifyInstance } from 'fastify';

/** Deepest object/array nesting accepted in a JSON body. Every contract is < 8 deep; 32 leaves room. */
export const MAX_JSON_DEPTH = 32;

/** The deepest `{`/`[` nesting of a JSON text, stopping early once it exceeds `limit`. Strings are skipped. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

/** Replaces the JSON parser on `app`. */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  // RFC 7396 merge-patch bodies are JSON documents: TMF PATCH operations are specified with this media type.
  app.addContentTypeParser(['application/json', 'application/merge-patch+json'], { parseAs: 'string' }, (req, body, done) => {
    const text = body as string;
    if (text.trim().length === 0) return done(null, undefined);
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
      return done(
        new ValidationFailed('request.too_deep', `request body nests deeper than ${MAX_JSON_DEPTH} levels`, { maxDepth: MAX_JSON_DEPTH }),
        undefined,
      );
    }
    return parseJson(req, text, done);
  });
}
