// The tenant every operator query is confined to: the current request's (from the caller's identity), or,
// inside the consumer, the tenant of the event being handled. The runner claims across tenants and runs each
// task in its own tenant's context.
import { currentContext } from '@bss/telemetry';
import { eq, type Column, type SQL } from 'drizzle-orm';

export const currentTenant = (): string => currentContext().tenant;
export const inTenant = (column: Column): SQL => eq(column, currentTenant());
