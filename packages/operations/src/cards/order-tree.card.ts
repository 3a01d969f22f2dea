// The order card with its SOM decomposition tree (§D.5): Order → Service Order → CFS → RFS → provisioning task, a
// right-aligned state column with ⚠ on failures, task timing and attempts, and a summary line. Layout only for now:
// COM/SOM/provisioning are pending; their commands map their payloads into this view when they land.
import { box, cardWidth, fit, fitRight, shortTime, textWidth } from './text.ts';

export interface TaskView {
  id: string;
  taskType: string;
  state: string;
  attempts: number;
  durationMs?: number;
}
export interface ServiceView {
  id: string;
  kind: 'CFS' | 'RFS';
  name: string;
  state: string;
  tasks: TaskView[];
  children: ServiceView[];
}
export interface ServiceOrderView {
  id: string;
  state: string;
  services: ServiceView[];
}
export interface OrderView {
  id: string;
  offeringId: string;
  customerId: string;
  state: string;
  placedAt?: string;
  completedAt?: string | null;
  subscriptionId?: string | null;
  serviceOrders: ServiceOrderView[];
}

const BAD = ['failed', 'stuck', 'errored', 'cancelled'];

export function renderOrderTree(o: OrderView, { width }: { width: number }): string {
  const w = cardWidth(width, 100);
  const inner = w - 4;
  const stateCol = 12;
  const rows: [string, string, string][] = [];
  const row = (label: string, state: string, suffix = '') => rows.push([label, state, suffix]);
  row(`Order ${o.id}`, o.state);
  let tasks = 0;
  let failed = 0;
  let totalMs = 0;
  const walkService = (s: ServiceView, prefix: string, last: boolean) => {
    row(`${prefix}${last ? '└─' : '├─'} ${s.kind} ${s.id}  ${s.name}`, s.state);
    const childPrefix = `${prefix}${last ? '   ' : '│  '}`;
    const items = [...s.children.map((c) => ({ c })), ...s.tasks.map((t) => ({ t }))];
    items.forEach((item, i) => {
      const isLast = i === items.length - 1;
      if ('c' in item) return walkService(item.c, childPrefix, isLast);
      const t = item.t;
      tasks++;
      if (BAD.includes(t.state)) failed++;
      totalMs += t.durationMs ?? 0;
      const timing = [t.durationMs !== undefined ? `(${(t.durationMs / 1000).toFixed(1)}s)` : '', t.attempts > 1 ? `${t.attempts} attempts` : ''].filter(Boolean).join('  ');
      row(`${childPrefix}${isLast ? '└─' : '├─'} ${t.id}  ${t.taskType}`, t.state, timing);
    });
  };
  o.serviceOrders.forEach((so, i) => {
    const last = i === o.serviceOrders.length - 1;
    row(`${last ? '└─' : '├─'} Service Order ${so.id}`, so.state);
    so.services.forEach((s, j) => walkService(s, last ? '   ' : '│  ', j === so.services.length - 1));
  });
  const suffixW = Math.max(0, ...rows.map((r) => textWidth(r[2])));
  const labelW = Math.max(10, inner - stateCol - 3 - (suffixW ? suffixW + 2 : 0));
  const lines = [
    `Customer:  ${o.customerId}`,
    `Placed:    ${shortTime(o.placedAt)}${o.completedAt ? `   Completed: ${shortTime(o.completedAt)}` : ''}`,
    '',
    ...rows.map(([label, state, suffix]) => {
      const flag = BAD.includes(state) ? '⚠ ' : '  ';
      return `${fit(label, labelW)} ${flag}${fitRight(state, stateCol)}${suffix ? `  ${suffix}` : ''}`;
    }),
  ];
  if (o.subscriptionId) lines.push(`→ Subscription ${o.subscriptionId} activated`);
  lines.push(`Summary: ${o.serviceOrders.length} SO · ${tasks} tasks · ${failed} failed  total ${(totalMs / 1000).toFixed(1)}s`);
  return box(`${o.id}  ${o.offeringId}`, lines, w);
}
