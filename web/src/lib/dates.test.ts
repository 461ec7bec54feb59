import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, parseIsoDate, recentYears, toIsoDate } from './dates';

describe('formatDate', () => {
  it.each([
    ['2026-03-05', '05/03/2026'],
    ['1952-12-31', '31/12/1952'],
    ['2026-03-05T23:59:59Z', '05/03/2026'],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ])('%s → %s', (iso, shown) => {
    expect(formatDate(iso)).toBe(shown);
  });
});

describe('parseIsoDate and toIsoDate', () => {
  it('round-trips a date without shifting the day', () => {
    expect(toIsoDate(parseIsoDate('2026-01-01'))).toBe('2026-01-01');
    expect(toIsoDate(parseIsoDate('1960-02-29'))).toBe('1960-02-29');
  });

  it('treats empty values as no date', () => {
    expect(parseIsoDate(null)).toBeUndefined();
    expect(toIsoDate(null)).toBeNull();
  });
});

describe('recentYears', () => {
  it('offers this year and the four before, newest first, keeping an older choice', () => {
    const today = new Date(2026, 5, 1);

    expect(recentYears(2026, today)).toEqual([2026, 2025, 2024, 2023, 2022]);
    expect(recentYears(2019, today)).toEqual([2026, 2025, 2024, 2023, 2022, 2019]);
    expect(recentYears(2026, today, 1)).toEqual([2027, 2026, 2025, 2024, 2023, 2022]);
  });
});

describe('formatDateTime', () => {
  it('shows an instant in Vietnam\'s time, whatever the machine\'s zone', () => {
    expect(formatDateTime('2026-12-06T23:34:00Z')).toBe('07/12/2026 06:34');
    expect(formatDateTime('2026-03-05T01:02:03Z')).toBe('05/03/2026 08:02');
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('không phải ngày')).toBe('không phải ngày');
  });
});
