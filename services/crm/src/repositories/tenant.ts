// The tenant every CRM query is confined to: the current request's, which the perimeter took from the caller's
// identity (or, for the services' own `system` identity, from the request it serves). Repositories add it to
// every lookup of a tenant's rows, so a row of another tenant is simply not there: reads answer 404 and writes
// that look their target up first are refused the same way. Inserts stamp the same tenant (the services pass it).
import { currentContext } from '@bss/telemetry';
import { eq, type Column, type SQL } from 'drizzle-orm';

/** The tenant of the current request (consumers run with the tenant of the event they handle). */
export const currentTenant = (): string => currentContext().tenant;

/** `column = <current tenant>`. */
export const inTenant = (column: Column): SQL => eq(column, currentTenant());
