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

/** Builds the mock tokenizer + gateway. `latencyMs` simulates the provider round trip on each charge. */
export function createMockProvider(opts: { latencyMs?: number } = {}): PaymentProvider {
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
      const gatewayRef = `mock_${randomUUID()}`;
      if (request.token.includes('DECLINE_')) {
        return { status: 'declined', gatewayRef, declineCode: 'card_declined', declineReason: 'card declined by issuer' };
      }
      if (request.token.includes('ERROR_')) {
        return { status: 'errored', gatewayRef, declineCode: 'processing_error', declineReason: 'gateway processing error' };
      }
      return { status: 'approved', gatewayRef };
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
