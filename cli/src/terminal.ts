// Everything terminal-specific, applied outside the pure cards: colour (only on a TTY without NO_COLOR) and the
// progress spinner (stderr, only on a TTY, so pipes and --json output stay clean).
const paint = (code: string) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
const green = paint('32');
const yellow = paint('33');
const red = paint('31');
const dim = paint('2');

const GOOD = /● (ACTIVE|VERIFIED|COMPLETED|ACTIVATED|APPROVED|RESOLVED|AVAILABLE)\b/g;
const BAD = /(⚠ [^│║]*?)(?=\s{2}|\s*[│║]|$)/gm;

/** Colours state dots, warnings and rules of a rendered card; identity when `on` is false. */
export function colorize(text: string, on: boolean): string {
  if (!on) return text;
  return text
    .replace(GOOD, (m) => green(m))
    .replace(BAD, (m) => yellow(m))
    .replace(/^(── .*)$/gm, (m) => dim(m));
}

/** Colours an error line. */
export const colorError = (line: string, on: boolean) => (on ? red(line) : line);

/**
 * Runs `work` with a spinner on `stream` while it is pending (no-op when `enabled` is false). `work` may change the
 * label (e.g. an order's state transitions while `--wait` follows it); each change is kept on its own line.
 */
export async function withSpinner<T>(label: string, enabled: boolean, stream: NodeJS.WriteStream, work: (setLabel: (s: string) => void) => Promise<T>): Promise<T> {
  if (!enabled) return work(() => {});
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  let i = 0;
  let shown = label;
  let width = 0;
  const draw = () => {
    const line = `${frames[i++ % frames.length]} ${shown}`;
    stream.write(`\r${line}${' '.repeat(Math.max(0, width - line.length))}`);
    width = Math.max(width, line.length);
  };
  const setLabel = (s: string) => {
    // A finished step stays visible above the spinner, so the transitions read as a log.
    if (i > 0 && s !== shown) stream.write(`\r  ${shown}${' '.repeat(Math.max(0, width - shown.length - 2))}\n`);
    shown = s;
    width = 0;
    if (i > 0) draw();
  };
  // Only after a short delay, so fast calls do not flicker.
  const timer = setInterval(draw, 120);
  try {
    return await work(setLabel);
  } finally {
    clearInterval(timer);
    if (i > 0) stream.write(`\r${' '.repeat(width)}\r`);
  }
}
