// A terminal QR code drawn with half-block characters: two module rows per text row, ECC level M, a 1-module
// quiet border. Dark modules are drawn as blocks, so it scans on a light-on-dark or dark-on-light terminal alike.
import qrcode from 'qrcode-generator';

/** The QR code of `data` as text lines (each line the same width: module count + 2). */
export function qrLines(data: string): string[] {
  const qr = qrcode(0, 'M');
  qr.addData(data, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const dark = (r: number, c: number) => r >= 0 && c >= 0 && r < n && c < n && qr.isDark(r, c);
  const lines: string[] = [];
  for (let r = -1; r < n + 1; r += 2) {
    let line = '';
    for (let c = -1; c < n + 1; c++) {
      const top = dark(r, c);
      const bottom = dark(r + 1, c);
      line += top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ';
    }
    lines.push(line);
  }
  return lines;
}
