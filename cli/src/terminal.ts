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

/** Runs `work` with a spinner on `stream` while it is pending (no-op when `enabled` is false). */
export async function withSpinner<T>(label: string, enabled: boolean, stream: NodeJS.WriteStream, work: () => Promise<T>): Promise<T> {
  if (!enabled) return work();
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  let i = 0;
  // Only after a short delay, so fast calls do not flicker.
  const timer = setInterval(() => stream.write(`\r${frames[i++ % frames.length]} ${label}`), 120);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    if (i > 0) stream.write(`\r${' '.repeat(label.length + 2)}\r`);
  }
}
