/**
 * Stacked columns of the four statuses over time, drawn as plain SVG (no chart library needed for
 * this one figure). The figure is described in text; the data table next to it is the accessible
 * equivalent and holds the exact values.
 */
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { STATUSES, type Timeline } from './types';

export const STATUS_COLOURS = {
  online: '#1a6b32',
  in_umsetzung: '#0a4fa8',
  geplant: '#b07a12',
  nicht_online: '#8a9099',
} as const;

export function ProgressChart({ timeline, titleId, descId }: { timeline: Timeline; titleId: string; descId: string }) {
  const { t } = useTranslation();
  const points = timeline.points;
  const width = 720;
  const height = 300;
  const left = 44;
  const bottom = 40;
  const top = 10;
  const max = Math.max(1, ...points.map((p) => p.total));
  const step = Math.pow(10, Math.floor(Math.log10(max)));
  const yMax = Math.ceil(max / step) * step;
  const plotH = height - top - bottom;
  const band = (width - left - 10) / Math.max(1, points.length);
  const y = (v: number) => top + plotH - (v / yMax) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * yMax));
  const labelEvery = Math.ceil(points.length / 8);

  return (
    <figure>
      <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left} x2={width - 10} y1={y(v)} y2={y(v)} stroke="currentColor" strokeOpacity="0.2" />
            <text x={left - 6} y={y(v) + 4} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {points.map((p, i) => {
          let acc = 0;
          const x = left + i * band + band * 0.15;
          return (
            <g key={p.date}>
              {STATUSES.map((s) => {
                const h = (p.counts[s] / yMax) * plotH;
                acc += p.counts[s];
                return <rect key={s} x={x} width={band * 0.7} y={y(acc)} height={h} fill={STATUS_COLOURS[s]} />;
              })}
              {(i % labelEvery === 0 && points.length - 1 - i >= labelEvery / 2) || i === points.length - 1 ? (
                <text x={x + band * 0.35} y={height - bottom + 16} textAnchor="middle">
                  {p.date.slice(0, 7)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend">
          {STATUSES.map((s) => (
            <li key={s}>
              <span aria-hidden="true" style={{ background: STATUS_COLOURS[s] }} />
              {t(`catalog.status.${s}`)}
            </li>
          ))}
        </ul>
        {points.length ? (
          <p className="visually-hidden">
            {formatDate(points[0]!.date)} – {formatDate(points[points.length - 1]!.date)}
          </p>
        ) : null}
      </figcaption>
    </figure>
  );
}
