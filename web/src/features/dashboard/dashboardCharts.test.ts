import { describe, expect, it } from 'vitest';
import { barsAxisMax, decimal, levelsOption, trendOption } from './dashboardCharts';
import type { DashboardFigures } from '../../lib/types';

const figures = (held: number, rate: number | null): DashboardFigures => ({
  cells: 12,
  members_expected: 357,
  cells_regular_due: 12,
  cells_regular_all: 12,
  regular_share: 1,
  cells_thematic_due: 0,
  cells_thematic_all: 0,
  thematic_share: null,
  meetings_held: held,
  attendance_expected: 0,
  attendance_present: 0,
  attendance_rate: rate,
  meetings_attendance_90: 0,
  attendance_90_share: null,
  levels: { good: 3, fair: 2, average: 1, poor: 0, unscored: 4 },
  meetings_superior: 0,
  cells_visited: 0,
  members_flagged: 0,
  members_away: 0,
  members_away_without_letter: 0,
});

type Series = { name: string; type: string; data: unknown[] };

describe('trendOption', () => {
  it('draws meetings held as bars and the attendance rate in % as a line, month by month', () => {
    const option = trendOption([
      { month: '2026-09', figures: figures(22, 0.90522) },
      { month: '2026-10', figures: figures(10, null) },
    ]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['09/2026', '10/2026']);
    const [bars, line] = option.series as Series[];
    expect(bars).toMatchObject({ type: 'bar', name: 'Buổi sinh hoạt đã họp', data: [22, 10] });
    expect(line).toMatchObject({ type: 'line', name: 'Tỷ lệ đảng viên dự (%)', data: [90.5, null] });
  });
});

describe('levelsOption', () => {
  it('draws one bar per level, in order, in its colour', () => {
    const option = levelsOption(figures(10, 0.9).levels);
    expect((option.xAxis as { data: string[] }).data).toEqual(['Tốt', 'Khá', 'Trung bình', 'Kém', 'Chưa chấm']);
    const [bars] = option.series as { data: { value: number; itemStyle: { color: string } }[] }[];
    expect(bars.data.map((d) => d.value)).toEqual([3, 2, 1, 0, 4]);
    expect(new Set(bars.data.map((d) => d.itemStyle.color)).size).toBe(5);
  });
});

describe('barsAxisMax', () => {
  it.each([
    [0, 5],
    [1, 5],
    [3, 5],
    [12, 25],
    [24, 50],
    [160, 250],
    [700, 1000],
  ])('%i meetings at most → an axis up to %i in five steps', (highest, max) => {
    expect(barsAxisMax(highest)).toBe(max);
    expect(barsAxisMax(highest)).toBeGreaterThanOrEqual(highest * 1.4);
  });
});

describe('decimal', () => {
  it('writes a decimal comma', () => {
    expect(decimal(91.3)).toBe('91,3');
    expect(decimal(92)).toBe('92');
    expect(decimal(null)).toBe('');
  });
});
