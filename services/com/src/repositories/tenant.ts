// The tenant every COM query is confined to: the current request's (consumers and the sweeper run with the
// tenant of the event / system context they handle). Inserts stamp it; lookups filter by it.
import { currentContext } from '@bss/telemetry';
import { eq, type Column, type SQL } from 'drizzle-orm';

export const currentTenant = (): string => currentContext().tenant;

/** `column = <current tenant>`. */
export const inTenant = (column: Column): SQL => eq(column, currentTenant());
