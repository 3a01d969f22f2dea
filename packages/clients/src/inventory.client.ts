// Typed client of the inventory API (MSISDN and eSIM pools, TMF639 view) and number porting, both served by
// the CRM service. One named method per route; responses are parsed with the contract schemas.
import { inventory as c } from '@bss/contracts';
import { type z } from 'zod';
import { createHttpClient, type ClientOptions, type Page, type RequestSpec } from './http-client.ts';

const MSISDN = '/inventory-api/v1/msisdn';
const ESIM = '/inventory-api/v1/esim';
const PORTS = '/crm-api/v1/port-requests';
const TMF639 = '/tmf-api/resourceInventoryManagement/v4/resource';

const seg = (s: string) => encodeURIComponent(s);

/**
 * Options of an inventory write. With `idempotencyKey` (sent in the body, as payment's charge does) a retry with
 * the same key returns the first result and writes nothing new, e.g. a redelivered consumer passing its event id.
 */
export interface InventoryWriteOptions {
  idempotencyKey?: string;
}
/** The body of a write whose target is in the path: the key alone, or no body at all. */
const keyBody = (opts: InventoryWriteOptions = {}) => (opts.idempotencyKey ? { idempotencyKey: opts.idempotencyKey } : undefined);

/** Creates the inventory client (baseUrl = the CRM service). */
export function createInventoryClient(opts: ClientOptions) {
  const http = createHttpClient('crm', opts);
  const post = <S extends z.ZodType>(schema: S, path: string, body?: unknown) => http.request(schema, { method: 'POST', path, body });
  const page = <T>(item: z.ZodType<T>, path: string, query: object): Promise<Page<T>> =>
    http.requestPage(item, { method: 'GET', path, query: query as RequestSpec['query'] });
  return {
    /** GET /msisdn — numbers by msisdn order, with X-Total-Count. */
    listMsisdns: (q: Partial<c.MsisdnListQuery> = {}): Promise<Page<c.Msisdn>> =>
      page(c.Msisdn, MSISDN, q),
    countMsisdns: (prefix?: string): Promise<c.MsisdnCount> => http.request(c.MsisdnCount, { method: 'GET', path: `${MSISDN}/count`, query: { prefix } }),
    getMsisdn: (msisdn: string): Promise<c.Msisdn> => http.request(c.Msisdn, { method: 'GET', path: `${MSISDN}/${seg(msisdn)}` }),
    reserveMsisdn: (msisdn: string, opts?: InventoryWriteOptions): Promise<c.Msisdn> => post(c.Msisdn, `${MSISDN}/${seg(msisdn)}/reserve`, keyBody(opts)),
    /** Reserves the lowest available number; `preference` is a prefix, an exact number or a `*`/`?` pattern. */
    reserveNextMsisdn: (preference?: string, opts: InventoryWriteOptions = {}): Promise<c.Msisdn> =>
      post(c.Msisdn, `${MSISDN}/reserve-next`, { ...(preference ? { preference } : {}), ...keyBody(opts) }),
    /** `body.idempotencyKey` makes a retried assignment a replay. */
    assignMsisdn: (msisdn: string, body: c.AssignMsisdnRequest): Promise<c.Msisdn> => post(c.Msisdn, `${MSISDN}/${seg(msisdn)}/assign`, body),
    releaseMsisdn: (msisdn: string, opts?: InventoryWriteOptions): Promise<c.Msisdn> => post(c.Msisdn, `${MSISDN}/${seg(msisdn)}/release`, keyBody(opts)),
    addMsisdnRange: (body: c.AddMsisdnRangeRequest): Promise<c.AddMsisdnRangeResult> => post(c.AddMsisdnRangeResult, `${MSISDN}/add-range`, body),

    listEsims: (q: Partial<c.EsimListQuery> = {}): Promise<Page<c.EsimProfile>> =>
      page(c.EsimProfile, ESIM, q),
    getEsim: (iccid: string): Promise<c.EsimProfile> => http.request(c.EsimProfile, { method: 'GET', path: `${ESIM}/${seg(iccid)}` }),
    getEsimActivation: (iccid: string): Promise<c.EsimActivation> => http.request(c.EsimActivation, { method: 'GET', path: `${ESIM}/${seg(iccid)}/activation` }),
    reserveEsim: (opts?: InventoryWriteOptions): Promise<c.EsimProfile> => post(c.EsimProfile, `${ESIM}/reserve`, keyBody(opts)),
    /** `body.idempotencyKey` makes a retried binding a replay. */
    assignEsimMsisdn: (iccid: string, body: c.AssignEsimMsisdnRequest): Promise<c.EsimProfile> => post(c.EsimProfile, `${ESIM}/${seg(iccid)}/assign-msisdn`, body),
    markEsimDownloaded: (iccid: string, opts?: InventoryWriteOptions): Promise<c.EsimProfile> => post(c.EsimProfile, `${ESIM}/${seg(iccid)}/mark-downloaded`, keyBody(opts)),
    markEsimActivated: (iccid: string, opts?: InventoryWriteOptions): Promise<c.EsimProfile> => post(c.EsimProfile, `${ESIM}/${seg(iccid)}/mark-activated`, keyBody(opts)),
    recycleEsim: (iccid: string, opts?: InventoryWriteOptions): Promise<c.EsimProfile> => post(c.EsimProfile, `${ESIM}/${seg(iccid)}/recycle`, keyBody(opts)),
    releaseEsim: (iccid: string, opts?: InventoryWriteOptions): Promise<c.EsimProfile> => post(c.EsimProfile, `${ESIM}/${seg(iccid)}/release`, keyBody(opts)),

    listResources: (q: Partial<c.Tmf639ResourceListQuery> = {}): Promise<Page<c.Tmf639Resource>> =>
      page(c.Tmf639Resource, TMF639, q),
    getResource: (id: string): Promise<c.Tmf639Resource> => http.request(c.Tmf639Resource, { method: 'GET', path: `${TMF639}/${seg(id)}` }),

    createPortRequest: (body: c.CreatePortRequest): Promise<c.PortRequest> => post(c.PortRequest, PORTS, body),
    listPortRequests: (q: Partial<c.PortRequestListQuery> = {}): Promise<Page<c.PortRequest>> =>
      page(c.PortRequest, PORTS, q),
    getPortRequest: (id: string): Promise<c.PortRequest> => http.request(c.PortRequest, { method: 'GET', path: `${PORTS}/${seg(id)}` }),
    validatePortRequest: (id: string): Promise<c.PortRequest> => post(c.PortRequest, `${PORTS}/${seg(id)}/validate`),
    approvePortRequest: (id: string): Promise<c.PortRequest> => post(c.PortRequest, `${PORTS}/${seg(id)}/approve`),
    rejectPortRequest: (id: string, reason: string): Promise<c.PortRequest> => post(c.PortRequest, `${PORTS}/${seg(id)}/reject`, { reason }),
    completePortRequest: (id: string): Promise<c.PortRequest> => post(c.PortRequest, `${PORTS}/${seg(id)}/complete`),
  };
}

/** The inventory client's type. */
export type InventoryClient = ReturnType<typeof createInventoryClient>;
