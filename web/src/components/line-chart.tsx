// A balance-over-time line chart drawn as SVG. Amounts stay integers; only pixel positions are
// fractional. The same points are offered as a table for screen readers and for exact reading.
// The drawing is laid out in the figure's own CSS pixels (measured), not scaled from a fixed
// viewBox, so axis labels keep their font size on a phone.
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { BalancePoint } from '../api/types';
import { formatDate } from '../format/date';
import { compactUnitsEn, compactUnitsId, formatRupiah, formatRupiahCompact } from '../format/money';
import { currentLanguage } from '../i18n/i18n';

/** Until the figure is measured (and where ResizeObserver is missing). */
const fallbackWidthPx = 640;
const pad = { top: 16, right: 16, bottom: 32, left: 76 };

/** The drawing's height for a width: wide and flat on a desktop, taller than 16:9 on a phone. */
export function chartHeightPx(widthPx: number): number {
  return Math.round(Math.min(260, Math.max(200, widthPx * 0.45)));
}

function useWidthPx(): [RefObject<HTMLElement | null>, number] {
  const ref = useRef<HTMLElement | null>(null);
  const [widthPx, setWidthPx] = useState(fallbackWidthPx);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.floor(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidthPx(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, widthPx];
}

/** A round axis top at or above the largest value: 1, 2 or 5 × 10^n. */
export function niceCeiling(max: number): number {
  if (max <= 0) return 1;
  let step = 1;
  while (step * 10 <= max) step *= 10;
  for (const factor of [1, 2, 5, 10]) {
    if (factor * step >= max) return factor * step;
  }
  return 10 * step;
}

export function LineChart({
  points,
  title,
}: {
  readonly points: readonly BalancePoint[];
  readonly title: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [figureRef, width] = useWidthPx();
  const height = chartHeightPx(width);
  const english = currentLanguage() === 'en';
  const compact = (amount: number) =>
    formatRupiahCompact(amount, english ? compactUnitsEn : compactUnitsId, english ? '.' : ',');
  if (points.length === 0) return <p className="state state--empty">{t('jht.noSeries')}</p>;

  const sorted = [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const times = sorted.map((point) => Date.parse(point.date));
  const first = times[0] ?? 0;
  const last = times[times.length - 1] ?? first;
  const top = niceCeiling(Math.max(...sorted.map((point) => point.balanceRupiah)));
  const x = (time: number) =>
    pad.left +
    (last === first
      ? (width - pad.left - pad.right) / 2
      : ((time - first) / (last - first)) * (width - pad.left - pad.right));
  const y = (amount: number) => pad.top + (1 - amount / top) * (height - pad.top - pad.bottom);
  const line = sorted
    .map(
      (point, index) =>
        `${index === 0 ? 'M' : 'L'}${x(times[index] ?? first).toFixed(1)},${y(point.balanceRupiah).toFixed(1)}`,
    )
    .join(' ');
  const baseline = y(0);
  const area = `${line} L${x(last).toFixed(1)},${baseline} L${x(first).toFixed(1)},${baseline} Z`;
  const ticks = [0, top / 2, top];
  const lastPoint = sorted[sorted.length - 1];
  const firstPoint = sorted[0];
  const description = t('jht.chartSummary', {
    from: firstPoint ? formatDate(firstPoint.date) : '',
    to: lastPoint ? formatDate(lastPoint.date) : '',
    start: firstPoint ? formatRupiah(firstPoint.balanceRupiah) : '',
    end: lastPoint ? formatRupiah(lastPoint.balanceRupiah) : '',
  });

  return (
    <figure className="chart" ref={figureRef}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={pad.left} x2={width - pad.right} y1={y(tick)} y2={y(tick)} className="chart-grid" />
            <text x={pad.left - 8} y={y(tick) + 4} textAnchor="end" className="chart-label">
              {compact(Math.round(tick))}
            </text>
          </g>
        ))}
        <path d={area} className="chart-area" />
        <path d={line} className="chart-line" />
        {lastPoint ? (
          <circle cx={x(last)} cy={y(lastPoint.balanceRupiah)} r="5" className="chart-dot" />
        ) : null}
        {firstPoint ? (
          <text x={pad.left} y={height - 8} className="chart-label">
            {formatDate(firstPoint.date)}
          </text>
        ) : null}
        {lastPoint && sorted.length > 1 ? (
          <text x={width - pad.right} y={height - 8} textAnchor="end" className="chart-label">
            {formatDate(lastPoint.date)}
          </text>
        ) : null}
      </svg>
      <details className="chart-table">
        <summary>{t('jht.showTable')}</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.date')}</th>
              <th scope="col" className="num">
                {t('jht.balance')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((point) => (
              <tr key={point.date}>
                <td>{formatDate(point.date)}</td>
                <td className="num">{formatRupiah(point.balanceRupiah)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
