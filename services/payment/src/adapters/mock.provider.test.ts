// The mock tokenizer and gateway: Luhn, brands, opaque tokens and the documented test-card outcomes.
import { describe, expect, it } from 'vitest';
import { brandOf, createMockProvider, luhnValid, MOCK_DECLINE_CARD, MOCK_ERROR_CARD } from './mock.provider.ts';

const card = (number: string) => ({ number, cvv: '123', expMonth: 4, expYear: 2030 });

describe('mock provider', () => {
  it('checks Luhn and reads the brand from the BIN', () => {
    expect(luhnValid('4242424242424242')).toBe(true);
    expect(luhnValid('4242424242424241')).toBe(false);
    expect(brandOf('4242424242424242')).toBe('visa');
    expect(brandOf('5555555555554444')).toBe('mastercard');
    expect(brandOf('2223003122003222')).toBe('mastercard');
    expect(brandOf('378282246310005')).toBe('amex');
    expect(brandOf('6011111111111117')).toBe('unknown');
  });

  it('tokenizes into an opaque token plus summary, refusing bad numbers', async () => {
    const { tokenizer } = createMockProvider();
    const result = await tokenizer.tokenize(card('4242-4242 4242-4242'));
    expect(result).toMatchObject({ ok: true, brand: 'visa', last4: '4242', expMonth: 4, expYear: 2030 });
    if (result.ok) expect(result.token).not.toContain('42424242');
    expect(await tokenizer.tokenize(card('4242424242424241'))).toEqual({ ok: false, reason: 'invalid_number' });
    expect(await tokenizer.tokenize(card('12345'))).toEqual({ ok: false, reason: 'invalid_number' });
  });

  it('approves, declines or errors from the token, never partially', async () => {
    const { tokenizer, gateway } = createMockProvider();
    const charge = async (number: string) => {
      const t = await tokenizer.tokenize(card(number));
      if (!t.ok) throw new Error('tokenize failed');
      return gateway.charge({ token: t.token, amount: '10.00', currency: 'SGD', idempotencyKey: `k-${number}`, customerId: 'C' });
    };
    expect(await charge('4242424242424242')).toMatchObject({ status: 'approved', gatewayRef: expect.stringMatching(/^mock_/) });
    expect(await charge(MOCK_DECLINE_CARD)).toMatchObject({ status: 'declined', declineCode: 'card_declined' });
    expect(await charge(MOCK_ERROR_CARD)).toMatchObject({ status: 'errored', declineCode: 'processing_error' });
  });

  it('remembers each idempotency key like a real processor: the same key returns the first verdict, lookup retrieves it', async () => {
    const { tokenizer, gateway } = createMockProvider();
    const t = await tokenizer.tokenize(card('4242424242424242'));
    if (!t.ok) throw new Error('tokenize failed');
    const request = { token: t.token, amount: '10.00', currency: 'SGD', idempotencyKey: 'PAY-000001', customerId: 'C' };
    expect(await gateway.lookup('PAY-000001')).toBeUndefined();
    const first = await gateway.charge(request);
    expect(await gateway.charge(request)).toEqual(first);
    expect(await gateway.lookup('PAY-000001')).toEqual(first);
    const other = await gateway.charge({ ...request, idempotencyKey: 'PAY-000002' });
    expect(other.gatewayRef).not.toBe(first.gatewayRef);
  });
});
