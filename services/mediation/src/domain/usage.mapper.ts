// Row → wire mapping of a usage record as TMF635 `Usage`. The line, amount and enrichment ride in
// `usageCharacteristic` (TMF's place for usage attributes); the customer is the one relatedParty. Status is
// `received`: rating runs asynchronously on the `usage.recorded` event and mediation never rewrites a record.
import { projectFields, type usage } from '@bss/contracts';
import { omitEmpty } from '@bss/server-kit';
import type { UsageRow } from '../schema.ts';

export const USAGE_PATH = '/tmf-api/usageManagement/v4/usage';

const char = (name: string, valueType: 'string' | 'integer' | 'boolean', value: string | number | boolean) => ({ name, valueType, value });

/** The TMF-shaped Usage of `row`. */
export function toUsage(row: UsageRow, href: (path: string, id: string) => string): usage.Usage {
  return omitEmpty({
    id: row.id,
    href: href(USAGE_PATH, row.id),
    description: row.description,
    usageDate: row.eventTime.toISOString(),
    usageType: row.eventType,
    status: 'received' as const,
    usageCharacteristic: [
      char('msisdn', 'string', row.msisdn),
      char('quantity', 'integer', row.quantity),
      char('unit', 'string', row.unit),
      char('roaming', 'boolean', row.roaming),
      char('source', 'string', row.source),
      char('subscriptionId', 'string', row.subscriptionId),
      char('offeringId', 'string', row.offeringId),
      ...(row.externalId ? [char('externalId', 'string', row.externalId)] : []),
    ],
    relatedParty: [{ id: row.customerId, role: 'customer', '@referredType': 'Customer' }],
    '@type': 'Usage' as const,
  });
}

/** A `fields` projection (id, href and @type always stay). */
export const projectUsage = (u: usage.Usage, fields: string | undefined): usage.UsageFields => projectFields(u, fields) as usage.UsageFields;
