// Structured JSON logging (pino). Secrets are redacted by path as a second line of defence; the first is
// never putting them in a log call.
import pino from 'pino';

export type Logger = pino.Logger;

/** Paths redacted wherever they appear in a log object. */
export const REDACT_PATHS = [
  'req.headers["x-bss-api-token"]',
  'req.headers.authorization',
  'headers["x-bss-api-token"]',
  'headers.authorization',
  '*.headers["x-bss-api-token"]',
  '*.headers.authorization',
  // A raw drizzle/pg error logged by mistake: its SQL parameters and pg's row detail carry personal data.
  'err.params',
  'err.detail',
  'err.cause.detail',
  '*.cardNumber',
  '*.cvv',
  '*.cvc',
  '*.pan',
  '*.token',
];

/** A service logger. `destination` lets tests capture output. */
export function createLogger(service: string, level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { name: service, level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service } },
    destination,
  );
}
