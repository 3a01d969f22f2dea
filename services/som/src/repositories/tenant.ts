// The tenant every SOM query is confined to: the current request's, which the perimeter took from the
// caller's identity. Repositories stamp it on inserts and add it to every lookup, so another tenant's orders and
// services are simply not there (404); consumers run with the tenant of the event they handle.
import { currentContext } from '@bss/telemetry';
import { eq, type Column, type SQL } from 'drizzle-orm';

/** The tenant of the current request. */
export const currentTenant = (): string => currentContext().tenant;

/** `column = <current tenant>`. */
export const inTenant = (column: Column): SQL => eq(column, currentTenant());
