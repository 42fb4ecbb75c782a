import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';

// Only what this chart draws, so the page's chunk stays small.
echarts.use([LineChart, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent, CanvasRenderer]);

const SHOWN_WEEKS = 104;
const DAY = 86_400_000;
const addWeeks = (monday: string, n: number) => new Date(Date.parse(`${monday}T00:00:00Z`) + n * 7 * DAY).toISOString().slice(0, 10);

type Props = {
  history: { weeks: string[]; quantities: number[] };
  weekly: number[];
  firstWeek: string;
  holdout: number;
  label: string;
};

/** The last 104 weeks shipped as a line, the forecast continuing dashed, the held-back backtest weeks shaded. */
export function ForecastChart({ history, weekly, firstWeek, holdout, label }: Props) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  const option = useMemo(() => {
    const from = Math.max(0, history.weeks.length - SHOWN_WEEKS);
    const weeks = history.weeks.slice(from);
    const shipped = history.quantities.slice(from);
    const future = weekly.map((_, i) => addWeeks(firstWeek, i));
    const axis = [...weeks, ...future];
    // The dashed line starts on the last shipped week so the two lines join.
    const last = weeks.length - 1;
    const forecastData = axis.map((_, i) => (i === last ? shipped[last] : i > last ? weekly[i - weeks.length] : null));
    const heldFrom = weeks[Math.max(0, weeks.length - holdout)];
    return {
      animation: false,
      grid: { left: 48, right: 16, top: 36, bottom: 32 },
      legend: { top: 0, data: [t('fc.detail.history'), t('fc.detail.forecast')] },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? String(Math.round(v * 100) / 100) : '—') },
      xAxis: { type: 'category', data: axis, boundaryGap: false, name: t('fc.detail.week'), nameGap: 4 },
      yAxis: { type: 'value', name: t('fc.detail.units'), min: 0 },
      series: [
        {
          name: t('fc.detail.history'), type: 'line', data: [...shipped, ...future.map(() => null)], showSymbol: false, lineStyle: { width: 2 },
          markArea: holdout > 0 && weeks.length > 0
            ? { silent: true, itemStyle: { color: 'rgba(250, 173, 20, 0.15)' }, label: { show: true, position: 'insideTop', fontSize: 11 }, data: [[{ name: t('fc.detail.holdout'), xAxis: heldFrom }, { xAxis: weeks[last] }]] }
            : undefined,
        },
        { name: t('fc.detail.forecast'), type: 'line', data: forecastData, showSymbol: false, connectNulls: false, lineStyle: { width: 2, type: 'dashed' } },
      ],
    };
  }, [history, weekly, firstWeek, holdout, t]);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current);
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  // A canvas says nothing to a screen reader: the label names what it shows.
  return <div ref={el} role="img" aria-label={label} data-testid="forecast-chart" style={{ width: '100%', height: 320 }} />;
}
