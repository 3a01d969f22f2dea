// Typed client of the crm service (customers, KYC, interactions, tickets, cases, agents, chat transcripts).
// Every response is parsed with the @bss/contracts crm schemas; errors arrive as the typed client errors.
import { crm } from '@bss/contracts';
import { z } from 'zod';
import { createHttpClient, type ClientOptions, type Page, type RequestSpec } from './http-client.ts';

const CUSTOMER = '/tmf-api/customerManagement/v4/customer';
const CRM_CUSTOMER = '/crm-api/v1/customer';
const INTERACTION = '/tmf-api/partyInteraction/v4/partyInteraction';
const TICKET = '/crm-api/v1/ticket';
const CASE = '/crm-api/v1/case';
const seg = encodeURIComponent;

type Query<S extends z.ZodType> = Partial<z.input<S>>;
const q = (o: Record<string, unknown> | undefined) => o as Record<string, string | number | boolean | undefined> | undefined;

/** Creates the crm client. */
export function createCrmClient(opts: ClientOptions) {
  const http = createHttpClient('crm', opts);
  const page = <T>(item: z.ZodType<T>, spec: RequestSpec): Promise<Page<T>> => http.requestPage(item, spec);
  const ticketAction = (trigger: crm.TicketTrigger) => (ticketId: string, body: crm.TicketAction = {}) =>
    http.request(crm.TroubleTicket, { method: 'POST', path: `${TICKET}/${seg(ticketId)}/${trigger}`, body: body ?? {} });
  return {
    // Customers (TMF629) and /crm-api extras
    createCustomer: (body: z.input<typeof crm.CustomerCreate>) => http.request(crm.Customer, { method: 'POST', path: CUSTOMER, body }),
    getCustomer: (customerId: string) => http.request(crm.Customer, { method: 'GET', path: `${CUSTOMER}/${seg(customerId)}` }),
    listCustomers: (query?: Query<typeof crm.CustomerListQuery>) => page(crm.Customer, { method: 'GET', path: CUSTOMER, query: q(query) }),
    patchCustomer: (customerId: string, body: crm.CustomerPatch) => http.request(crm.Customer, { method: 'PATCH', path: `${CUSTOMER}/${seg(customerId)}`, body }),
    findCustomerByEmail: (email: string) => http.request(crm.Customer, { method: 'GET', path: `${CRM_CUSTOMER}/by-email/${seg(email)}` }),
    findCustomerByMsisdn: (msisdn: string) => http.request(crm.Customer, { method: 'GET', path: `${CRM_CUSTOMER}/by-msisdn/${seg(msisdn)}` }),
    updateIndividual: (customerId: string, body: crm.IndividualPatch) =>
      http.request(crm.Customer, { method: 'PATCH', path: `${CRM_CUSTOMER}/${seg(customerId)}/individual`, body }),
    listContactMediums: (customerId: string, includeEnded = false) =>
      http.request(z.array(crm.ContactMediumEntry), { method: 'GET', path: `${CRM_CUSTOMER}/${seg(customerId)}/contact-medium`, query: { includeEnded } }),
    addContactMedium: (customerId: string, body: crm.ContactMediumAdd) =>
      http.request(crm.ContactMediumEntry, { method: 'POST', path: `${CRM_CUSTOMER}/${seg(customerId)}/contact-medium`, body }),
    updateContactMedium: (customerId: string, cmId: string, body: crm.ContactMediumPatch) =>
      http.request(crm.ContactMediumEntry, { method: 'PATCH', path: `${CRM_CUSTOMER}/${seg(customerId)}/contact-medium/${seg(cmId)}`, body }),
    removeContactMedium: (customerId: string, cmId: string) =>
      http.requestNoContent({ method: 'DELETE', path: `${CRM_CUSTOMER}/${seg(customerId)}/contact-medium/${seg(cmId)}` }),

    // KYC
    attestKyc: (customerId: string, body: crm.KycAttestation) =>
      http.request(crm.KycStatus, { method: 'POST', path: `${CRM_CUSTOMER}/${seg(customerId)}/kyc-attestation`, body }),
    getKycStatus: (customerId: string) => http.request(crm.KycStatus, { method: 'GET', path: `${CRM_CUSTOMER}/${seg(customerId)}/kyc-status` }),

    // Interactions
    createInteraction: (body: z.input<typeof crm.PartyInteractionCreate>) => http.request(crm.PartyInteraction, { method: 'POST', path: INTERACTION, body }),
    listInteractions: (query: Omit<Query<typeof crm.PartyInteractionListQuery>, 'fields'>) => page(crm.PartyInteraction, { method: 'GET', path: INTERACTION, query: q(query) }),
    getInteraction: (interactionId: string) => http.request(crm.PartyInteraction, { method: 'GET', path: `${INTERACTION}/${seg(interactionId)}` }),

    // Trouble tickets
    openTicket: (body: z.input<typeof crm.TicketCreate>) => http.request(crm.TroubleTicket, { method: 'POST', path: TICKET, body }),
    getTicket: (ticketId: string) => http.request(crm.TroubleTicket, { method: 'GET', path: `${TICKET}/${seg(ticketId)}` }),
    listTickets: (query?: Query<typeof crm.TicketListQuery>) => page(crm.TroubleTicket, { method: 'GET', path: TICKET, query: q(query) }),
    patchTicket: (ticketId: string, body: crm.TicketPatch) => http.request(crm.TroubleTicket, { method: 'PATCH', path: `${TICKET}/${seg(ticketId)}`, body }),
    transitionTicket: (ticketId: string, trigger: crm.TicketTrigger, body: NonNullable<crm.TicketAction> = {}) =>
      http.request(crm.TroubleTicket, { method: 'POST', path: `${TICKET}/${seg(ticketId)}/transition`, body: { trigger, ...body } }),
    ackTicket: ticketAction('ack'),
    startTicket: ticketAction('start'),
    waitTicket: ticketAction('wait'),
    resumeTicket: ticketAction('resume'),
    resolveTicket: (ticketId: string, resolutionNotes: string) => ticketAction('resolve')(ticketId, { resolutionNotes }),
    closeTicket: ticketAction('close'),
    reopenTicket: ticketAction('reopen'),
    cancelTicket: ticketAction('cancel'),

    // Cases
    openCase: (body: z.input<typeof crm.CaseOpen>) => http.request(crm.Case, { method: 'POST', path: CASE, body }),
    getCase: (caseId: string) => http.request(crm.Case, { method: 'GET', path: `${CASE}/${seg(caseId)}` }),
    listCases: (query?: Query<typeof crm.CaseListQuery>) => page(crm.Case, { method: 'GET', path: CASE, query: q(query) }),
    patchCase: (caseId: string, body: crm.CasePatch) => http.request(crm.Case, { method: 'PATCH', path: `${CASE}/${seg(caseId)}`, body }),
    closeCase: (caseId: string, resolutionCode?: string) =>
      http.request(crm.Case, { method: 'POST', path: `${CASE}/${seg(caseId)}/close`, body: resolutionCode ? { resolutionCode } : {} }),
    addCaseNote: (caseId: string, body: crm.CaseNoteCreate) => http.request(crm.CaseNote, { method: 'POST', path: `${CASE}/${seg(caseId)}/note`, body }),

    // Agents and chat transcripts
    listAgents: (query?: Query<typeof crm.AgentListQuery>) => page(crm.Agent, { method: 'GET', path: '/crm-api/v1/agent', query: q(query) }),
    getAgent: (agentId: string) => http.request(crm.Agent, { method: 'GET', path: `/crm-api/v1/agent/${seg(agentId)}` }),
    storeChatTranscript: (body: crm.ChatTranscriptStore) => http.request(crm.ChatTranscript, { method: 'POST', path: '/crm-api/v1/chat-transcript', body }),
    getChatTranscript: (hash: string) => http.request(crm.ChatTranscript, { method: 'GET', path: `/crm-api/v1/chat-transcript/${seg(hash)}` }),
  };
}

/** The crm client's type. */
export type CrmClient = ReturnType<typeof createCrmClient>;
