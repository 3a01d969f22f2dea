// Sample payloads for the card tests (own data, shaped exactly as the contracts serve them).
import type { catalog, crm, inventory } from '@bss/contracts';
import type { Customer360 } from './customer-360.card.ts';
import type { OrderView } from './order-tree.card.ts';
import type { SubscriptionView } from './subscription.card.ts';

export const customer: crm.Customer = {
  id: 'CUST-01jz8q3v9kx2m7ab4c6d',
  href: 'http://localhost:8002/tmf-api/customerManagement/v4/customer/CUST-01jz8q3v9kx2m7ab4c6d',
  name: 'Mei Tan',
  status: 'active',
  engagedParty: { id: 'PTY-1', '@referredType': 'Individual' },
  contactMedium: [
    { mediumType: 'email', preferred: true, characteristic: { emailAddress: 'mei.tan@example.com' } },
    { mediumType: 'phone', characteristic: { phoneNumber: '+6591230077' } },
  ],
  characteristic: [
    { name: 'givenName', value: 'Mei' },
    { name: 'familyName', value: 'Tan' },
    { name: 'kycStatus', value: 'verified' },
    { name: 'customerSince', value: '2026-06-01T08:00:00.000Z' },
  ],
  '@type': 'Customer',
};

const ticket = (id: string, caseId: string, status: crm.TroubleTicket['status'], ticketType: crm.TroubleTicket['ticketType'] = 'service_outage'): crm.TroubleTicket => ({
  id,
  href: `http://localhost:8002/crm-api/v1/ticket/${id}`,
  name: 'No data since the weekend in the north-east',
  ticketType,
  status,
  priority: 'high',
  customerId: customer.id,
  caseId,
  creationDate: '2026-06-10T09:15:00.000Z',
  statusChangeDate: '2026-06-10T10:00:00.000Z',
  relatedParty: [],
  relatedEntity: [],
  '@type': 'TroubleTicket',
});

export const openCase: crm.Case = {
  id: 'CASE-01jz8q4b2cx7m9k2v4tq',
  customerId: customer.id,
  subject: 'Data stopped working after the roaming trip',
  description: null,
  state: 'in_progress',
  priority: 'high',
  category: 'technical',
  resolutionCode: null,
  openedByAgentId: 'AGT-001',
  openedAt: '2026-06-10T09:00:00.000Z',
  closedAt: null,
  chatTranscriptHash: null,
  notes: [{ id: 'NOTE-1', caseId: 'CASE-01jz8q4b2cx7m9k2v4tq', authorAgentId: 'AGT-001', body: 'Customer restarted the phone twice; APN looks right.', createdAt: '2026-06-10T09:30:00.000Z' }],
  ticketIds: ['TKT-01jz8q4c1m3n5p7q9r2s', 'TKT-01jz8q4c2m3n5p7q9r2t'],
};
export const caseTickets = [ticket('TKT-01jz8q4c1m3n5p7q9r2s', openCase.id, 'in_progress'), ticket('TKT-01jz8q4c2m3n5p7q9r2t', openCase.id, 'open', 'configuration')];
const closedCase: crm.Case = { ...openCase, id: 'CASE-01JZ7', state: 'closed', subject: 'Billing question', closedAt: '2026-06-02T00:00:00.000Z', resolutionCode: 'answered', notes: [], ticketIds: [] };

export const customer360: Customer360 = {
  customer,
  subscriptions: [
    { id: 'SUB-0042', customerId: customer.id, state: 'active', msisdn: '91230077', offeringId: 'PLAN_M' },
    { id: 'SUB-0043', customerId: customer.id, state: 'blocked', msisdn: '91230078', offeringId: 'PLAN_S' },
  ],
  openOrders: [{ id: 'ORD-01jz8q5d3f6g8h0j2k4m', offeringId: 'PLAN_L', state: 'in_progress' }],
  cases: [{ case: openCase, tickets: caseTickets }, { case: closedCase, tickets: [] }],
  interactions: Array.from({ length: 6 }, (_, i) => ({
    id: `INT-${i}`,
    href: `http://localhost:8002/x/INT-${i}`,
    creationDate: `2026-06-1${i}T08:0${i}:00.000Z`,
    direction: 'inbound',
    reason: i % 2 ? 'Called about the data outage' : 'case.opened',
    status: 'completed',
    channel: [{ id: i % 2 ? 'cli' : 'portal-csr', href: 'http://localhost/x' }],
    interactionDate: { startDateTime: `2026-06-1${i}T08:0${i}:00.000Z` },
    relatedParty: [],
    '@type': 'PartyInteraction',
  })),
  unavailable: [],
};

const offering = (id: string, name: string, price: number, dataMb: number, voice: number, sms: number, roamingMb?: number): catalog.ProductOffering => ({
  id,
  href: `http://localhost:8001/tmf-api/productCatalogManagement/v4/productOffering/${id}`,
  name,
  isBundle: false,
  lastUpdate: '2026-01-01T00:00:00.000Z',
  isSellable: true,
  lifecycleStatus: 'active',
  productOfferingPrice: [
    { id: `PRICE_${id}`, href: 'http://localhost/p', priceType: 'recurring', recurringChargePeriod: 'month', price: { taxIncludedAmount: { value: price, unit: 'SGD' } }, '@type': 'ProductOfferingPrice' },
  ],
  prodSpecCharValueUse: [
    ['data', dataMb, 'mb'] as const,
    ['voice', voice, 'minutes'] as const,
    ['sms', sms, 'count'] as const,
    ...(roamingMb ? [['data_roaming', roamingMb, 'mb'] as const] : []),
  ].map(([n, value, unitOfMeasure]) => ({ name: n, valueType: 'integer' as const, productSpecCharacteristicValue: [{ value, unitOfMeasure, valueType: 'integer' as const }] })),
  '@type': 'ProductOffering',
});
export const offerings = [
  offering('PLAN_L', 'Max', 45, -1, -1, -1, 2048),
  offering('PLAN_S', 'Lite', 10, 5120, 100, 100),
  offering('PLAN_M', 'Standard', 25, 30720, 500, 500, 500),
  offering('PLAN_XS', 'Starter data-only plan with a long name', 5.5, 512, 0, 0),
];

export const esimProfile: inventory.EsimProfile = {
  iccid: '8910101000000000018',
  imsi: '525010000000018',
  profileState: 'reserved',
  smdpServer: 'smdp.example.com',
  assignedMsisdn: '91230077',
  assignedToSubscriptionId: 'SUB-0042',
  assignedToCustomerId: customer.id,
  reservedAt: '2026-06-01T08:00:00.000Z',
  downloadedAt: null,
  activatedAt: null,
};
export const esimActivation: inventory.EsimActivation = {
  iccid: esimProfile.iccid,
  activationCode: 'LPA:1$smdp.example.com$MATCH-7Q2K-9XW4',
  smdpServer: 'smdp.example.com',
  matchingId: 'MATCH-7Q2K-9XW4',
};

export const portIn: inventory.PortRequest = {
  id: 'PORT-9C1E07AB',
  direction: 'port_in',
  donorCarrier: 'Other Mobile Pte Ltd',
  donorMsisdn: '91234567',
  targetSubscriptionId: null,
  targetCustomerId: customer.id,
  requestedPortDate: '2026-07-01',
  state: 'rejected',
  rejectionReason: 'donor reports the account is not in good standing',
  approvedAt: null,
  completedAt: null,
  rejectedAt: '2026-06-20T10:00:00.000Z',
  createdAt: '2026-06-19T10:00:00.000Z',
  updatedAt: '2026-06-20T10:00:00.000Z',
};

export const subscription: SubscriptionView = {
  id: 'SUB-0042',
  customerId: customer.id,
  customerName: 'Mei Tan',
  msisdn: '91230077',
  offeringId: 'PLAN_M',
  offeringName: 'Standard',
  priceAmount: '25.00',
  currency: 'SGD',
  state: 'active',
  activatedAt: '2026-06-01T08:00:00Z',
  nextRenewalAt: '2026-07-01T08:00:00Z',
  renewsInDays: 11,
  balances: [
    { type: 'data', used: 21504, total: 30720, unit: 'mb' },
    { type: 'voice', used: 20, total: 500, unit: 'min' },
    { type: 'sms', used: 0, total: -1, unit: 'count' },
    { type: 'data_roaming', used: 500, total: 500, unit: 'mb' },
  ],
};

export const order: OrderView = {
  id: 'ORD-0107',
  offeringId: 'PLAN_S',
  customerId: customer.id,
  state: 'in_progress',
  placedAt: '2026-06-01T08:00:00Z',
  completedAt: null,
  subscriptionId: null,
  serviceOrders: [
    {
      id: 'SO-0107',
      state: 'in_progress',
      services: [
        {
          id: 'SVC-0301',
          kind: 'CFS',
          name: 'MobileBroadband',
          state: 'designed',
          tasks: [],
          children: [
            { id: 'SVC-0302', kind: 'RFS', name: 'Data', state: 'activated', children: [], tasks: [{ id: 'PTK-0901', taskType: 'HLR_PROVISION', state: 'completed', attempts: 2, durationMs: 1200 }] },
            { id: 'SVC-0303', kind: 'RFS', name: 'Voice', state: 'reserved', children: [], tasks: [{ id: 'PTK-0902', taskType: 'PCRF_POLICY_PUSH', state: 'stuck', attempts: 1, durationMs: 3800 }] },
          ],
        },
      ],
    },
  ],
};
