// The dashboard's two charts as ECharts options: plain data, built here so they can be tested without a browser;
// ECharts itself is loaded only when a chart is drawn (EChart.tsx).
import { LEVEL_COLORS, LEVEL_KEYS, LEVEL_LABELS, monthShort } from './dashboard';
import type { DashboardFigures, DashboardLevels } from '../../lib/types';

export type ChartOption = Record<string, unknown>;

const FONT = { fontSize: 13 };

// 91.3 → "91,3" (a Vietnamese decimal comma); nothing for a month without a value.
export function decimal(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : String(value).replace('.', ',');
}

// The top of the meetings axis: room above the highest bar (×1.4) for the attendance line, rounded up to five nice
// steps (1, 2 or 5 × 10ⁿ), so its grid lines meet the percentage axis' (0, 20 … 100).
export function barsAxisMax(highest: number): number {
  const wanted = Math.max(highest * 1.4, 1) / 5;
  const power = 10 ** Math.floor(Math.log10(wanted));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= wanted - 1e-9) ?? 10 * power;
  return Math.max(5, Math.round(step * 5));
}

// Month by month: meetings held (bars, left axis) and the members' attendance rate in % (line, right axis; a month
// without any expected attendance has no point). On a narrow screen the legend takes two lines and the points carry
// no numbers (they would overlap).
export function trendOption(
  trend: { month: string; figures: DashboardFigures }[],
  { narrow = false }: { narrow?: boolean } = {},
): ChartOption {
  const months = trend.map((t) => monthShort(t.month));
  const held = trend.map((t) => t.figures.meetings_held);
  const rate = trend.map((t) =>
    t.figures.attendance_rate === null ? null : Math.round(t.figures.attendance_rate * 1000) / 10,
  );
  return {
    animation: false,
    color: ['#b71c1c', '#0b57d0'],
    grid: { left: 8, right: 8, top: narrow ? 76 : 48, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: FONT },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: months, axisLabel: FONT },
    yAxis: [
      // The bars keep to the lower part, under the attendance line (which stays near the top, around 90 %).
      {
        type: 'value',
        name: 'Buổi',
        minInterval: 1,
        max: barsAxisMax(Math.max(0, ...held)),
        interval: barsAxisMax(Math.max(0, ...held)) / 5,
        axisLabel: FONT,
        nameTextStyle: FONT,
      },
      {
        type: 'value',
        name: '%',
        min: 0,
        max: 100,
        interval: 20,
        axisLabel: FONT,
        nameTextStyle: FONT,
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: 'Buổi sinh hoạt đã họp',
        type: 'bar',
        data: held,
        barMaxWidth: 28,
        tooltip: { valueFormatter: (v: number) => `${v} buổi` },
      },
      {
        name: 'Tỷ lệ đảng viên dự (%)',
        type: 'line',
        yAxisIndex: 1,
        data: rate,
        connectNulls: false,
        symbolSize: 6,
        label: {
          show: !narrow && trend.length <= 12,
          position: 'top',
          fontSize: 11,
          formatter: (p: { value: number | null }) => decimal(p.value),
        },
        tooltip: { valueFormatter: (v: number | null) => (v === null ? '—' : `${decimal(v)} %`) },
      },
    ],
  };
}

// The meetings of the period by quality level, one bar per level in its colour, the count above each bar.
export function levelsOption(levels: DashboardLevels): ChartOption {
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'category', data: LEVEL_KEYS.map((k) => LEVEL_LABELS[k]), axisLabel: { ...FONT, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: FONT },
    series: [
      {
        name: 'Số buổi',
        type: 'bar',
        barMaxWidth: 48,
        data: LEVEL_KEYS.map((k) => ({ value: levels[k], itemStyle: { color: LEVEL_COLORS[k] } })),
        label: { show: true, position: 'top', fontSize: 13 },
      },
    ],
  };
}
