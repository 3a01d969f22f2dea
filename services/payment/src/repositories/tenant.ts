// The tenant every payment query is confined to: the current request's, which the perimeter took from the
// caller's identity. Repositories stamp it on inserts and add it to every lookup, so another tenant's cards and
// payments are simply not there (404), and a charge can never pick up another tenant's method.
import { currentContext } from '@bss/telemetry';
import { eq, type Column, type SQL } from 'drizzle-orm';

/** The tenant of the current request. */
export const currentTenant = (): string => currentContext().tenant;

/** `column = <current tenant>`. */
export const inTenant = (column: Column): SQL => eq(column, currentTenant());
