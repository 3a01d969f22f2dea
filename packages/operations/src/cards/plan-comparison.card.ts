// The plan comparison card (`bss catalog list`): one 22-column panel per sellable plan, cheapest first, as many side
// by side as the width allows (wrapping to further rows), ★ on PLAN_M (else the median plan).
import { catalog } from '@bss/contracts';
import { fit, textWidth, truncate } from './text.ts';

const COL = 22;

/** The price shown: the first recurring row without an end (the open, current one), else the first row. */
export function currentPrice(o: catalog.ProductOffering): catalog.EmbeddedOfferingPrice | undefined {
  const recurring = o.productOfferingPrice.filter((p) => p.priceType === 'recurring');
  return recurring.find((p) => !p.validFor?.endDateTime) ?? recurring[0] ?? o.productOfferingPrice[0];
}

/** `5 GB`, `500 MB`, `100 min`, `unlimited`, `—`. */
export function allowanceText(o: catalog.ProductOffering, name: catalog.AllowanceType): string {
  const v = o.prodSpecCharValueUse.find((u) => u.name === name)?.productSpecCharacteristicValue[0];
  if (!v) return '—';
  if (v.value === -1) return 'unlimited';
  if (v.unitOfMeasure === 'mb') return v.value >= 1024 ? `${+(v.value / 1024).toFixed(1)} GB` : `${v.value} MB`;
  return `${v.value} ${v.unitOfMeasure === 'minutes' ? 'min' : v.unitOfMeasure === 'count' ? '' : v.unitOfMeasure}`.trim();
}

const priceOf = (o: catalog.ProductOffering) => currentPrice(o)?.price.taxIncludedAmount;

export function renderPlanComparison(offerings: readonly catalog.ProductOffering[], { width }: { width: number }): string {
  const plans = offerings
    .filter((o) => o.lifecycleStatus !== 'retired' && o.isSellable !== false)
    .sort((a, b) => (priceOf(a)?.value ?? Infinity) - (priceOf(b)?.value ?? Infinity) || a.id.localeCompare(b.id));
  if (plans.length === 0) return truncate('No sellable plans.', width);
  const star = plans.find((p) => p.id === 'PLAN_M')?.id ?? plans[Math.floor((plans.length - 1) / 2)]!.id;
  const perRow = Math.max(1, Math.floor((width - 1) / (COL + 1)));
  const out: string[] = [];
  for (let i = 0; i < plans.length; i += perRow) {
    const group = plans.slice(i, i + perRow);
    const rule = (l: string, m: string, r: string) => l + group.map(() => '─'.repeat(COL)).join(m) + r;
    const row = (cell: (p: catalog.ProductOffering) => string) => `│${group.map((p) => fit(` ${cell(p)}`, COL)).join('│')}│`;
    out.push(
      rule('┌', '┬', '┐'),
      row((p) => `${p.id}${p.id === star ? ' ★' : ''}`),
      row((p) => p.name ?? ''),
      rule('├', '┼', '┤'),
      row((p) => {
        const m = priceOf(p);
        return m ? `${m.unit} ${catalog.decimalFromMoney(m)} /mo` : 'no price';
      }),
      row((p) => `Data     ${allowanceText(p, 'data')}`),
      row((p) => `Voice    ${allowanceText(p, 'voice')}`),
      row((p) => `SMS      ${allowanceText(p, 'sms')}`),
      row((p) => `Roaming  ${allowanceText(p, 'data_roaming')}`),
      rule('└', '┴', '┘'),
    );
  }
  out.push('Prices in SGD, GST inclusive. Service stops when a bundle runs out; top up with a VAS.');
  return out.map((l) => (textWidth(l) > width ? truncate(l, width) : l)).join('\n');
}
