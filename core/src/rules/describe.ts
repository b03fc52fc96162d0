// Plain-text renderings of rule values for docs/rules.md; no number formatting from the locale.

/** 54 → '0.54%', 9900 → '99%', -207 → '-2.07%'. */
export function formatBasisPoints(basisPoints: number): string {
  const sign = basisPoints < 0 ? '-' : '';
  const absolute = Math.abs(basisPoints);
  const whole = Math.floor(absolute / 100);
  const fraction = String(absolute % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}%`;
}
