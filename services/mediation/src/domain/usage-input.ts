// The two create bodies of POST /usage (official TMF635 Usage_Create and the shorthand) as one record input.
// Shape errors of the TMF body (a missing or mistyped characteristic) are 400s naming the characteristic; what
// the values mean (type, unit, quantity) is left to the policies so those answer with their rule ids.
import { usage } from '@bss/contracts';
import { ValidationFailed } from '@bss/policy';

/** A usage record as the record use-case takes it. */
export interface RecordInput {
  msisdn: string;
  eventType: string;
  eventTime: string;
  quantity: number;
  unit: string;
  roaming: boolean;
  source: string;
  externalId: string | undefined;
  description: string | undefined;
}

/** The shorthand body, defaults applied by its schema. */
export function fromShorthand(body: usage.RecordUsageRequest): RecordInput {
  return {
    msisdn: body.msisdn,
    eventType: body.eventType,
    eventTime: body.eventTime,
    quantity: body.quantity,
    unit: body.unit,
    roaming: body.roaming ?? false,
    source: body.source ?? 'api',
    externalId: body.externalId,
    description: undefined,
  };
}

type Characteristic = usage.UsageCreate['usageCharacteristic'][number];

function invalid(name: string, message: string): never {
  throw new ValidationFailed('request.invalid_characteristic', `usageCharacteristic ${name}: ${message}`, { characteristic: name });
}

/** The characteristic value of `name`, checked with `schema`; `undefined` when absent and not required. */
function read<T>(chars: Map<string, Characteristic>, name: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, required: boolean): T | undefined {
  const c = chars.get(name);
  if (!c) return required ? invalid(name, 'is required') : undefined;
  const parsed = schema.safeParse(c.value);
  return parsed.success ? parsed.data : invalid(name, 'has a value of the wrong type or shape');
}

const IntegerValue = usage.RecordUsageRequest.shape.quantity;
const StringValue = usage.RecordUsageRequest.shape.unit;
const BooleanValue = usage.RecordUsageRequest.shape.roaming.unwrap();

/** The official TMF635 body: usageType = event type, usageDate = event time, the rest in characteristics. */
export function fromUsageCreate(body: usage.UsageCreate): RecordInput {
  const chars = new Map<string, Characteristic>();
  for (const c of body.usageCharacteristic) {
    if (chars.has(c.name)) invalid(c.name, 'appears more than once');
    chars.set(c.name, c);
  }
  return {
    msisdn: read(chars, 'msisdn', usage.Msisdn, true)!,
    eventType: body.usageType,
    eventTime: body.usageDate,
    quantity: read(chars, 'quantity', IntegerValue, true)!,
    unit: read(chars, 'unit', StringValue, true)!,
    roaming: read(chars, 'roaming', BooleanValue, false) ?? false,
    source: read(chars, 'source', usage.UsageSource, false) ?? 'api',
    externalId: read(chars, 'externalId', usage.ExternalUsageId, false),
    description: body.description,
  };
}

/** Either body: the shorthand names `msisdn` at the top level, the TMF body never does. */
export function toRecordInput(body: usage.UsageCreateBody): RecordInput {
  return 'msisdn' in body ? fromShorthand(body) : fromUsageCreate(body);
}
