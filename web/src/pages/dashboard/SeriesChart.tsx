/**
 * The chart of a detail view (ECharts, imported part by part and only by this lazily loaded module,
 * so the start page never downloads it). It draws the same Series the table beside it lists; the
 * SVG renderer keeps text crisp when zoomed. With prefers-reduced-motion there is no animation.
 */
import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { chartColumns, columnLabel, pointLabel, type Series } from './series';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const cssVar = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
/** Distinguishable in light and dark mode; lines also differ by dash pattern and symbol. */
const PALETTE = ['--primary', '--link', '--success', '--muted', '--focus', '--error'];

export default function SeriesChart({ series, compareLabel }: { series: Series; compareLabel: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const animate = !reducedMotion();

  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    const categories = series.points.map((p) => pointLabel(p, series.bucket));
    const bar = series.bucket === null;
    const number = (v: unknown) => (typeof v === 'number' ? v : null);
    const lines = chartColumns(series).map((c, i) => ({
      name: columnLabel(t, c),
      type: bar ? ('bar' as const) : ('line' as const),
      data: series.points.map((p) => number(p.values[c])),
      color: cssVar(PALETTE[i % PALETTE.length]!),
      connectNulls: false,
    }));
    if (series.comparison) {
      lines.push({
        name: `${columnLabel(t, series.primary)} (${compareLabel})`,
        type: 'line',
        data: series.comparison.map((p) => number(p.values[series.primary])),
        color: cssVar('--muted'),
        connectNulls: false,
        lineStyle: { type: 'dashed' },
      } as (typeof lines)[number]);
    }
    const text = cssVar('--text');
    chart.setOption({
      animation: animate,
      textStyle: { color: text, fontFamily: cssVar('--font') },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: text } },
      grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: categories, axisLabel: { color: text } },
      yAxis: { type: 'value', axisLabel: { color: text } },
      series: lines,
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [series, compareLabel, t, animate]);

  // The chart is a picture of the table next to it: screen readers get the table, not the SVG.
  return <div ref={ref} className="dash-chart" aria-hidden="true" data-animated={String(animate)} />;
}
