// The building blocks of the event catalogue: the spec of one event type and the payload primitives every
// service's events share (ids, instants, money as decimal strings).
import { z } from 'zod';

export const id = z.string();
export const maybeId = z.string().nullable();
export const iso = z.string().describe('ISO 8601 timestamp');
export const maybeIso = iso.nullable();
export const money = z.string().regex(/^-?\d+(\.\d+)?$/).describe('decimal string');

/** One catalogued event type. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  /** Service that stages it (`*` = every service). */
  producer: string;
  aggregateType: string;
  schemaVersion: number;
  payload: P;
  description: string;
}

export const spec = <P extends z.ZodType>(producer: string, aggregateType: string, description: string, payload: P): EventSpec<P> => ({
  producer,
  aggregateType,
  schemaVersion: 1,
  payload,
  description,
});

/** The price an order was placed at: the lowest active price of the offering at order time, never re-read. */
export const PriceSnapshot = z.strictObject({ priceId: id, amount: money, currency: z.string() });
