// The tenant every mediation query is confined to: the current request's (the perimeter takes it from the
// caller's identity). Inserts stamp it and every lookup filters by it.
import { currentContext } from '@bss/telemetry';
import { eq, type Column, type SQL } from 'drizzle-orm';

export const currentTenant = (): string => currentContext().tenant;
export const inTenant = (column: Column): SQL => eq(column, currentTenant());
