// A plain column table for lists: a `── Title ───` rule, a header row and one row per item, every column fitted
// so the whole line stays within the width (the last, flexible column takes what is left).
import { fit, section, textWidth, truncate } from './text.ts';

/** One column: header, how to read a cell, and its preferred width (the flexible column has none). */
export interface Column<T> {
  header: string;
  cell: (row: T) => string;
  width?: number;
}

/** Renders `rows`; shows at most `max` rows and an overflow line. */
export function table<T>(title: string, columns: readonly Column<T>[], rows: readonly T[], width: number, max = 50): string {
  const fixed = columns.reduce((n, c) => n + (c.width ?? 0) + 2, 0);
  const flexible = columns.filter((c) => c.width === undefined).length;
  const natural = (c: Column<T>) => Math.max(textWidth(c.header), ...rows.slice(0, max).map((r) => textWidth(c.cell(r))));
  const left = Math.max(8, width - fixed);
  const widths = columns.map((c) => c.width ?? Math.min(natural(c), Math.floor(left / Math.max(1, flexible))));
  const line = (cells: string[]) => truncate(cells.map((c, i) => fit(c, widths[i]!)).join('  ').trimEnd(), width);
  const out = [section(title, width, rows.length), line(columns.map((c) => c.header))];
  for (const r of rows.slice(0, max)) out.push(line(columns.map((c) => c.cell(r))));
  if (rows.length === 0) out.push('(none)');
  if (rows.length > max) out.push(`… and ${rows.length - max} more`);
  return out.join('\n');
}
