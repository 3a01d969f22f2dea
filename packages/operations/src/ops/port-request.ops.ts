// Number porting operations (CRM): create, list, show, validate, approve, reject, complete.
import { inventory } from '@bss/contracts';
import { z } from 'zod';
import { renderPortRequest, renderPortRequestList } from '../cards/port-request.card.ts';
import { CustomerId, IsoDay, PortRequestId, Text } from '../fields.ts';
import { defineOperation } from '../operation.ts';

const moved = (p: inventory.PortRequest) => `${p.id} → ${p.state}${p.rejectionReason ? ` (${p.rejectionReason})` : ''}`;
const byId = z.object({ portRequestId: PortRequestId });

export const portRequestOps = [
  defineOperation({
    name: 'port_request.create',
    summary: 'Request a port-in (number joins our pool) or port-out (number leaves, its line ends)',
    description:
      'Creates a port request in state requested. A port-out needs `targetSubscriptionId` (the line that gives the number away). Refusals: port_request.create.* rule ids (direction, duplicate open request, number already ours).',
    kind: 'create',
    destructive: false,
    services: ['crm'],
    input: z.object({
      direction: inventory.PortDirection.describe('port_in or port_out'),
      donorCarrier: Text(200, 'The other carrier'),
      donorMsisdn: z.string().regex(/^[0-9]{6,15}$/).describe('The number being ported, digits only'),
      requestedPortDate: IsoDay.describe('Requested port date YYYY-MM-DD'),
      targetSubscriptionId: z.string().min(1).max(64).optional().describe('SUB-… line giving the number away (port_out only)'),
      targetCustomerId: CustomerId.optional(),
    }),
    run: (c, i) => c.inventory.createPortRequest(i),
    render: (p) => `Created ${p.id} ${p.direction} ${p.donorMsisdn} [${p.state}]`,
    cli: {
      command: ['port-request', 'create'],
      flags: { donorCarrier: 'carrier', donorMsisdn: 'msisdn', requestedPortDate: 'date', targetSubscriptionId: 'subscription', targetCustomerId: 'customer' },
      example: 'bss port-request create --direction port_in --carrier SingTel --msisdn 91234567 --date 2026-07-01',
    },
  }),
  defineOperation({
    name: 'port_request.list',
    summary: 'List port requests by state and direction',
    description: 'Port requests newest first.',
    kind: 'read',
    destructive: false,
    services: ['crm'],
    input: z.object({
      state: inventory.PortRequestState.optional().describe('Port request state'),
      direction: inventory.PortDirection.optional().describe('port_in or port_out'),
      limit: z.coerce.number().int().min(1).max(1000).default(50).describe('How many (default 50)'),
      offset: z.coerce.number().int().min(0).default(0).describe('Skip this many'),
    }),
    run: async (c, i) => (await c.inventory.listPortRequests(i)).items,
    render: (rows, o) => renderPortRequestList(rows, o),
    cli: { command: ['port-request', 'list'], example: 'bss port-request list --state requested' },
  }),
  defineOperation({
    name: 'port_request.get',
    summary: 'Show one port request',
    description: 'One port request with its timestamps and any rejection reason.',
    kind: 'read',
    destructive: false,
    services: ['crm'],
    input: byId,
    run: (c, i) => c.inventory.getPortRequest(i.portRequestId),
    render: (p, o) => renderPortRequest(p, o),
    cli: { command: ['port-request', 'show'], positional: ['portRequestId'], example: 'bss port-request show PORT-9C1E07AB' },
  }),
  defineOperation({
    name: 'port_request.validate',
    summary: 'Mark a requested port as validated by the donor',
    description: 'requested → validated (the donor confirmed the number). Refusal: port_request.transition.valid from any other state.',
    kind: 'update',
    destructive: false,
    services: ['crm'],
    input: byId,
    run: (c, i) => c.inventory.validatePortRequest(i.portRequestId),
    render: moved,
    cli: { command: ['port-request', 'validate'], positional: ['portRequestId'], example: 'bss port-request validate PORT-9C1E07AB' },
  }),
  defineOperation({
    name: 'port_request.approve',
    summary: 'Approve a port: port-in seeds the number into the pool, port-out marks it ported_out',
    description: 'requested/validated → approved. A port-in adds the donor number to the pool as available; a port-out marks it ported_out (terminal) and the approval event ends the target subscription. Refusals: port_request.transition.valid, port_request.approve.* rule ids.',
    kind: 'update',
    destructive: false,
    services: ['crm'],
    input: byId,
    run: (c, i) => c.inventory.approvePortRequest(i.portRequestId),
    render: moved,
    cli: { command: ['port-request', 'approve'], positional: ['portRequestId'], example: 'bss port-request approve PORT-9C1E07AB' },
  }),
  defineOperation({
    name: 'port_request.reject',
    summary: 'Reject a port request with a reason',
    description: 'Terminal rejection. Refusal: port_request.reject.requires_reason.',
    kind: 'update',
    destructive: false,
    services: ['crm'],
    input: z.object({ portRequestId: PortRequestId, reason: Text(500, 'Why it is rejected') }),
    run: (c, i) => c.inventory.rejectPortRequest(i.portRequestId, i.reason),
    render: moved,
    cli: { command: ['port-request', 'reject'], positional: ['portRequestId'], example: 'bss port-request reject PORT-9C1E07AB --reason "donor refused"' },
  }),
  defineOperation({
    name: 'port_request.complete',
    summary: 'Complete an approved port (the cutover happened)',
    description: 'approved → completed: the carriers confirmed the cutover. Refusal: port_request.transition.valid from any other state.',
    kind: 'update',
    destructive: false,
    services: ['crm'],
    input: byId,
    run: (c, i) => c.inventory.completePortRequest(i.portRequestId),
    render: moved,
    cli: { command: ['port-request', 'complete'], positional: ['portRequestId'], example: 'bss port-request complete PORT-9C1E07AB' },
  }),
];
