// The eSIM activation card (`bss inventory esim activation`, `inventory.esim.get_activation`): profile state,
// ICCID/IMSI redacted unless asked, bound MSISDN, a scannable QR of the LPA string and the manual LPA line.
import type { inventory } from '@bss/contracts';
import { qrLines } from './qr.ts';
import { box, cardWidth, fit, formatMsisdn, groupDigits, redact, stateDot, textWidth, wrapHard } from './text.ts';

/** The activation code plus, when read, the profile it belongs to. */
export interface EsimActivationView {
  activation: inventory.EsimActivation;
  profile?: inventory.EsimProfile;
  showFull?: boolean;
}

export function renderEsimActivation(v: EsimActivationView, { width }: { width: number }): string {
  const w = cardWidth(width, 64);
  const inner = w - 4;
  const p = v.profile;
  const lpa = v.activation.activationCode.startsWith('LPA:') ? v.activation.activationCode : `LPA:${v.activation.activationCode}`;
  const id = (s: string) => (v.showFull ? groupDigits(s) : redact(s));
  const lines = [
    `ICCID:  ${id(v.activation.iccid)}`,
    ...(p ? [`IMSI:   ${id(p.imsi)}`, `MSISDN: ${formatMsisdn(p.assignedMsisdn)}`] : []),
    `SM-DP+: ${v.activation.smdpServer}`,
    '',
  ];
  const qr = qrLines(lpa);
  // Centred when it fits; a QR cut by a narrow terminal would not scan, so say so instead of drawing half of it.
  if (textWidth(qr[0]!) <= inner) for (const l of qr) lines.push(fit(' '.repeat(Math.floor((inner - textWidth(l)) / 2)) + l, inner));
  else lines.push(...wrapHard('(too narrow for the QR code: use the LPA code below)', inner));
  lines.push('', 'Manual entry:', ...wrapHard(lpa, inner));
  if (!v.showFull) lines.push('', ...wrapHard('ICCID/IMSI redacted; --show-full shows them.', inner));
  return box(`eSIM Activation  ${p ? stateDot(p.profileState) : ''}`.trimEnd(), lines, w);
}
