// Port request detail card and list table (`bss port-request show|list`).
import type { inventory } from '@bss/contracts';
import { table } from './table.ts';
import { box, cardWidth, formatMsisdn, shortDate, shortTime, stateDot } from './text.ts';

const DIRECTION = { port_in: 'port-in', port_out: 'port-out' } as const;

export function renderPortRequest(p: inventory.PortRequest, { width }: { width: number }): string {
  const w = cardWidth(width, 80);
  const lines = [
    `Direction:   ${DIRECTION[p.direction]}`,
    `State:       ${stateDot(p.state)}`,
    `Donor:       ${p.donorCarrier}  ${formatMsisdn(p.donorMsisdn)}`,
    `Port date:   ${shortDate(p.requestedPortDate)}`,
    ...(p.targetSubscriptionId ? [`Target sub:  ${p.targetSubscriptionId}`] : []),
    ...(p.targetCustomerId ? [`Customer:    ${p.targetCustomerId}`] : []),
    `Created:     ${shortTime(p.createdAt)}`,
    ...(p.approvedAt ? [`Approved:    ${shortTime(p.approvedAt)}`] : []),
    ...(p.completedAt ? [`Completed:   ${shortTime(p.completedAt)}`] : []),
    ...(p.rejectedAt ? [`Rejected:    ${shortTime(p.rejectedAt)}  reason: ${p.rejectionReason ?? '—'}`] : []),
  ];
  return box(`Port request ${p.id}`, lines, w);
}

export function renderPortRequestList(rows: readonly inventory.PortRequest[], { width }: { width: number }): string {
  return table(
    'Port requests',
    [
      { header: 'ID', cell: (p) => p.id, width: 13 },
      { header: 'Direction', cell: (p) => DIRECTION[p.direction], width: 9 },
      { header: 'Donor MSISDN', cell: (p) => p.donorMsisdn, width: 12 },
      { header: 'State', cell: (p) => p.state, width: 9 },
      { header: 'Requested', cell: (p) => p.requestedPortDate, width: 10 },
      { header: 'Carrier', cell: (p) => p.donorCarrier },
    ],
    rows,
    width,
  );
}
