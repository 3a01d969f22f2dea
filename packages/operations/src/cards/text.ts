// Plain-text layout primitives shared by every card: display width, fitting, boxes, section rules, state dots,
// progress bars and number grouping. Pure and free of terminal markup (colour is applied by the CLI, outside).

const WIDE: [number, number][] = [
  [0x1100, 0x115f], [0x2e80, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1faff], [0x20000, 0x3fffd],
];

/** Columns a string takes in a monospace terminal (wide East Asian and emoji count 2, combining marks 0). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0x300 && cp <= 0x36f) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
    w += WIDE.some(([a, b]) => cp >= a && cp <= b) ? 2 : 1;
  }
  return w;
}

/** Cuts `s` to at most `w` columns, ending with `…` when cut. */
export function truncate(s: string, w: number): string {
  if (w <= 0) return '';
  if (textWidth(s) <= w) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(out + ch) > w - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Exactly `w` columns: truncated or right-padded with spaces. */
export function fit(s: string, w: number): string {
  const t = truncate(s, w);
  return t + ' '.repeat(Math.max(0, w - textWidth(t)));
}

/** Exactly `w` columns, right-aligned. */
export function fitRight(s: string, w: number): string {
  const t = truncate(s, w);
  return ' '.repeat(Math.max(0, w - textWidth(t))) + t;
}

/** The width a card takes: the terminal width, capped at the card's natural maximum, never below 20. */
export const cardWidth = (width: number, max: number) => Math.max(20, Math.min(width, max));

/**
 * A single-rule box `┌─ Title ─┐ │ … │ └─┘` of exactly `width` columns; each line is fitted to width − 4.
 * `double` draws `╔═ … ╗ ║ ╚═╝`, reserved for a blocked subscription.
 */
export function box(title: string, lines: readonly string[], width: number, opts: { double?: boolean } = {}): string {
  const [tl, tr, bl, br, h, v] = opts.double ? ['╔', '╗', '╚', '╝', '═', '║'] : ['┌', '┐', '└', '┘', '─', '│'];
  const inner = width - 4;
  const head = truncate(title, width - 6);
  const top = `${tl}${h} ${head} ${h.repeat(Math.max(0, width - 5 - textWidth(head)))}${tr}`;
  const body = lines.map((l) => `${v} ${fit(l, inner)} ${v}`);
  return [top, ...body, `${bl}${h.repeat(width - 2)}${br}`].join('\n');
}

/** A section rule inside a card: `── Label (N) ─────` filling `width` columns. */
export function section(label: string, width: number, count?: number): string {
  const head = `── ${label}${count === undefined ? '' : ` (${count})`} `;
  return truncate(head, width) + '─'.repeat(Math.max(0, width - textWidth(head)));
}

/** `● ACTIVE`; `○` for states that mean "not in service". */
export function stateDot(state: string): string {
  const hollow = ['suspended', 'released', 'recycled', 'closed', 'terminated', 'cancelled', 'rejected'].includes(state.toLowerCase());
  return `${hollow ? '○' : '●'} ${state.toUpperCase()}`;
}

const PARTIAL = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
/** `[` + `cells` cells + `]`: full `█`, one partial eighth, rest `░`; unknown or unlimited total ⇒ a rule and `unlimited`. */
export function bar(used: number, total: number, cells = 26): string {
  if (!(total > 0)) return `[${'─'.repeat(cells)}]`;
  const eighths = Math.round(Math.min(1, Math.max(0, used / total)) * cells * 8);
  const full = Math.floor(eighths / 8);
  const part = PARTIAL[eighths % 8]!;
  return `[${'█'.repeat(full)}${part}${'░'.repeat(cells - full - (part ? 1 : 0))}]`;
}

/** `9123 0077` for an 8-digit number; anything else unchanged. */
export const formatMsisdn = (m: string | null | undefined) => (!m ? '—' : /^\d{8}$/.test(m) ? `${m.slice(0, 4)} ${m.slice(4)}` : m);

/** ICCID in groups of 4. */
export const groupDigits = (s: string) => s.replace(/(.{4})(?=.)/g, '$1 ');

/** Bullets + the last 4 characters. */
export const redact = (s: string) => (s.length <= 4 ? s : `${'•'.repeat(Math.min(8, s.length - 4))}${s.slice(-4)}`);

/** `YYYY-MM-DD HH:MM` of an ISO instant (UTC, as served). */
export const shortTime = (iso: string | null | undefined) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

/** `YYYY-MM-DD` of an ISO instant. */
export const shortDate = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '—');

/** Every line at most `width` columns (a safety net for free text). */
export const clampLines = (text: string, width: number) =>
  text
    .split('\n')
    .map((l) => truncate(l, width))
    .join('\n');

/** Hard-wraps `s` into pieces of at most `w` columns (for strings that must be shown whole, like an LPA code). */
export function wrapHard(s: string, w: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of s) {
    if (textWidth(line + ch) > w) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  return [...out, line];
}
