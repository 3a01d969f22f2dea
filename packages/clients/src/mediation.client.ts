// Typed client of mediation (TMF635 usage): record a usage event and read records back. Responses are parsed with
// the usage contracts; a refused record arrives as PolicyViolationError carrying the usage.record.* rule id.
import { usage } from '@bss/contracts';
import { createHttpClient, type ClientOptions, type Page } from './http-client.ts';

const USAGE = '/tmf-api/usageManagement/v4/usage';

/** Filters and paging of the usage list (newest event first). */
export interface UsageListOptions {
  msisdn?: string;
  subscriptionId?: string;
  usageType?: usage.UsageEventType;
  /** ISO-8601 instant, inclusive. */
  since?: string;
  /** ISO-8601 instant, exclusive. */
  until?: string;
  offset?: number;
  limit?: number;
}

/** Calls the mediation API. */
export interface MediationClient {
  /** Records a usage event (shorthand or TMF635 Usage_Create); the same externalId again returns the first record. */
  recordUsage(body: usage.UsageCreateBody): Promise<usage.Usage>;
  getUsage(usageId: string): Promise<usage.Usage>;
  /** A page of records with X-Total-Count as `total`. */
  listUsage(q?: UsageListOptions): Promise<Page<usage.Usage>>;
}

/** Creates a mediation client. */
export function createMediationClient(opts: ClientOptions): MediationClient {
  const http = createHttpClient('mediation', opts);
  return {
    recordUsage: (body) => http.request(usage.Usage, { method: 'POST', path: USAGE, body }),
    getUsage: (id) => http.request(usage.Usage, { method: 'GET', path: `${USAGE}/${encodeURIComponent(id)}` }),
    listUsage: (q = {}) => http.requestPage(usage.Usage, { method: 'GET', path: USAGE, query: { ...q } }),
  };
}
