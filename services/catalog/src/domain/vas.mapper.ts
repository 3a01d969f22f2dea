// Rows → VasOffering (non-TMF, camelCase; the amount stays the stored decimal string).
import type { catalog } from '@bss/contracts';
import type { VasRow } from '../schema.ts';

/** The wire shape of a VAS row. */
export function toVasOffering(row: VasRow): catalog.VasOffering {
  return {
    id: row.id,
    name: row.name,
    priceAmount: row.priceAmount,
    currency: row.currency,
    allowanceType: row.allowanceType,
    allowanceQuantity: row.allowanceQuantity,
    allowanceUnit: row.allowanceUnit,
    expiryHours: row.expiryHours,
  };
}
