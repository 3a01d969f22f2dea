// The tenant every subscription query is confined to: the current request's (or the consumed event's), which
// the perimeter took from the caller's identity. Inserts stamp it and every lookup filters by it.
import { currentContext } from '@bss/telemetry';
import { eq, type Column, type SQL } from 'drizzle-orm';

/** The tenant of the current request or event. */
export const currentTenant = (): string => currentContext().tenant;

/** `column = <current tenant>`. */
export const inTenant = (column: Column): SQL => eq(column, currentTenant());
