// The mock provider: tokenizes test card numbers locally and approves or declines charges from the token.
// Test cards: 4000 0000 0000 0002 → declined (card_declined); 4000 0000 0000 0119 → errored
// (processing_error); any other Luhn-valid number → approved. Numbers failing Luhn are refused.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ChargeGateway, GatewayResult, PaymentProvider, ProviderDefinition, Tokenizer } from './provider.ts';

/** Test card that tokenizes fine but is declined at charge time. */
export const MOCK_DECLINE_CARD = '4000000000000002';
/** Test card whose charge errors at the (simulated) gateway. */
export const MOCK_ERROR_CARD = '4000000000000119';

/** Luhn checksum over a digit string. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Card brand from the BIN (leading digits). */
export function brandOf(digits: string): string {
  if (digits.startsWith('4')) return 'visa';
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'mastercard';
  if (two === 34 || two === 37) return 'amex';
  return 'unknown';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The outcome a token's marker asks for. */
function verdictFor(token: string, gatewayRef: string): GatewayResult {
  if (token.includes('DECLINE_')) return { status: 'declined', gatewayRef, declineCode: 'card_declined', declineReason: 'card declined by issuer' };
  if (token.includes('ERROR_')) return { status: 'errored', gatewayRef, declineCode: 'processing_error', declineReason: 'gateway processing error' };
  return { status: 'approved', gatewayRef };
}

/**
 * The mock processor's memory of idempotency keys → verdicts. In memory by default (one process, like the
 * fleet); a test that kills the charging process hands both processes a ledger that outlives it.
 */
export interface MockLedger {
  get(idempotencyKey: string): GatewayResult | undefined;
  set(idempotencyKey: string, result: GatewayResult): void;
}

/** A ledger held in this process's memory. */
export function memoryLedger(): MockLedger {
  const entries = new Map<string, GatewayResult>();
  return { get: (key) => entries.get(key), set: (key, result) => void entries.set(key, result) };
}

/**
 * Builds the mock tokenizer + gateway. `latencyMs` simulates the provider round trip on each charge; `ledger`
 * is where the gateway remembers each key's verdict (a fresh in-memory one by default).
 */
export function createMockProvider(opts: { latencyMs?: number; ledger?: MockLedger } = {}): PaymentProvider {
  const ledger = opts.ledger ?? memoryLedger();
  const tokenizer: Tokenizer = {
    async tokenize(card) {
      const digits = card.number.replace(/[ -]/g, '');
      if (!/^[0-9]{12,19}$/.test(digits) || !luhnValid(digits)) return { ok: false, reason: 'invalid_number' };
      // The outcome of later charges is encoded in the token, as a real provider's test mode does.
      const marker = digits === MOCK_DECLINE_CARD ? 'DECLINE_' : digits === MOCK_ERROR_CARD ? 'ERROR_' : '';
      return {
        ok: true,
        token: `tok_mock_${marker}${randomUUID().replaceAll('-', '')}`,
        brand: brandOf(digits),
        last4: digits.slice(-4),
        expMonth: card.expMonth,
        expYear: card.expYear,
      };
    },
  };
  const gateway: ChargeGateway = {
    async charge(request): Promise<GatewayResult> {
      if (opts.latencyMs) await sleep(opts.latencyMs);
      // A key seen before answers with its first verdict and charges nothing more.
      const known = ledger.get(request.idempotencyKey);
      if (known) return known;
      const result = verdictFor(request.token, `mock_${randomUUID()}`);
      ledger.set(request.idempotencyKey, result);
      return result;
    },
    async lookup(idempotencyKey) {
      return ledger.get(idempotencyKey);
    },
  };
  return { name: 'mock', tokenizer, gateway };
}

/** Registry entry: the mock needs no credentials; its only setting is an optional simulated latency. */
export const mockProviderDefinition: ProviderDefinition = {
  name: 'mock',
  env: { BSS_PAYMENT_MOCK_LATENCY_MS: z.coerce.number().int().min(0).max(10_000).optional() },
  requiredEnv: [],
  create: (settings) => createMockProvider({ latencyMs: (settings.BSS_PAYMENT_MOCK_LATENCY_MS as number | undefined) ?? 0 }),
};
