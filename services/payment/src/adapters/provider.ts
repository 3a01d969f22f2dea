// The payment-provider seam: tokenizing a card and charging a token. The service only sees these
// interfaces; each provider is one file plus one line in providers.ts (see there for the registry).
import type { Clock } from '@bss/clock';
import type { z } from 'zod';

/** Raw card details, held in memory only for the duration of one tokenize call. */
export interface CardInput {
  number: string;
  cvv: string;
  expMonth: number;
  expYear: number;
}

/** What a tokenizer hands back: an opaque token plus non-sensitive card facts. */
export type TokenizeResult =
  | { ok: true; token: string; brand: string; last4: string; expMonth: number; expYear: number }
  | { ok: false; reason: 'invalid_number' };

/** Turns a card into a provider token. Implementations must never log or keep the number/CVV. */
export interface Tokenizer {
  tokenize(card: CardInput): Promise<TokenizeResult>;
}

/**
 * One charge request sent to the gateway. `idempotencyKey` is the gateway-side key: the payment attempt id,
 * so one attempt is one charge at the provider (a provider scopes keys per merchant account, while callers'
 * keys are scoped per customer and may repeat across customers).
 */
export interface GatewayCharge {
  token: string;
  amount: string;
  currency: string;
  idempotencyKey: string;
  customerId: string;
}

/** The gateway's verdict. Approved or not: there is no partial capture. */
export type GatewayResult =
  | { status: 'approved'; gatewayRef: string }
  | { status: 'declined' | 'errored'; gatewayRef: string | null; declineCode: string; declineReason: string };

/**
 * Charges a token; never retries on its own. Like a real processor's idempotent API, a second `charge` with
 * the same `idempotencyKey` returns the first verdict instead of charging again, and `lookup` retrieves the
 * verdict recorded for a key without charging (undefined: the provider never saw that key).
 */
export interface ChargeGateway {
  charge(request: GatewayCharge): Promise<GatewayResult>;
  lookup(idempotencyKey: string): Promise<GatewayResult | undefined>;
}

/** A configured provider: its name (stored as each method's token_provider) and both halves of the seam. */
export interface PaymentProvider {
  name: string;
  tokenizer: Tokenizer;
  gateway: ChargeGateway;
}

/** Registry entry for one provider. */
export interface ProviderDefinition {
  name: string;
  /** Env keys this provider reads, all optional at parse time; validated by `requiredEnv` when selected. */
  env: z.ZodRawShape;
  /** Env keys that must be set when this provider is selected (credentials). Missing ones stop start-up. */
  requiredEnv: readonly string[];
  create(settings: Record<string, unknown>, deps: { clock: Clock }): PaymentProvider;
}
