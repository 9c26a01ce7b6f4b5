// Renderer: spend per day for the last 30 days as plain SVG bars. Thirty rectangles need no chart library: uPlot
// draws on a canvas (no text for screen readers, ~45 kB) and React chart kits bring far more; here each bar is a
// rect with its own title, and the same figures are in a table for assistive technology.

import type { SpendDay } from '../../../../shared/spend';
import { toPico } from '../../../../shared/money';
import { formatCost, formatExactCost } from '../../lib/format';
import styles from './spend.module.css';

const width = 600;
const height = 120;
const gap = 2;

const dayLabel = (ms: number) => new Date(ms).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

export function SpendChart({ days }: { days: SpendDay[] }) {
  const values = days.map((d) => toPico(d.total) ?? 0n);
  const max = values.reduce((a, b) => (b > a ? b : a), 0n);
  const barWidth = width / Math.max(1, days.length);
  const peak = days[values.indexOf(max)];
  return (
    <figure className={styles.spendChart}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label="Spend per day, last 30 days"
        preserveAspectRatio="none"
      >
        {days.map((day, i) => {
          const value = values[i] ?? 0n;
          // Scaled in BigInt to a whole number of pixels; a day with any spend shows at least a sliver.
          const h = max === 0n ? 0 : Math.max(value > 0n ? 2 : 0, Number((value * BigInt(height - 4)) / max));
          return (
            <rect
              key={day.start}
              className={styles.spendBar}
              x={i * barWidth + gap / 2}
              y={height - h}
              width={barWidth - gap}
              height={h}
            >
              <title>{`${dayLabel(day.start)}: ${formatExactCost(day.total)}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption>
        {days[0] ? dayLabel(days[0].start) : ''} – today
        {max > 0n && peak ? ` · highest ${formatCost(peak.total)} on ${dayLabel(peak.start)}` : ' · nothing spent'}
      </figcaption>
      <table className="visually-hidden">
        <caption>Spend per day</caption>
        <tbody>
          {days.map((day) => (
            <tr key={day.start}>
              <th scope="row">{dayLabel(day.start)}</th>
              <td>{formatExactCost(day.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
