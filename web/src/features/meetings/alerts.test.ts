import { describe, expect, it } from 'vitest';
import { countAlerts, groupAlerts } from './alerts';
import type { AlertKind, ComplianceAlert } from '../../lib/types';

const alert = (organization_id: number, kind: AlertKind, message: string = kind): ComplianceAlert => ({
  kind,
  message,
  organization_id,
  organization_name: `Chi bộ ${organization_id}`,
  meeting_id: null,
  member_id: null,
  year: 2026,
  month: null,
});

describe('groupAlerts', () => {
  it('keeps the server\'s order of cells and of alerts within a cell', () => {
    const groups = groupAlerts([
      alert(10, 'too_short', 'a'),
      alert(3, 'missed_regular', 'b'),
      alert(10, 'report_late', 'c'),
    ]);
    expect(groups.map((g) => g.organization_id)).toEqual([10, 3]);
    expect(groups[0].organization_name).toBe('Chi bộ 10');
    expect(groups[0].items.map((a) => a.message)).toEqual(['a', 'c']);
    expect(groupAlerts([])).toEqual([]);
  });
});

describe('countAlerts', () => {
  it('counts the kinds present, in the order of the API\'s kinds', () => {
    expect(
      countAlerts([alert(1, 'report_late'), alert(1, 'missed_regular'), alert(2, 'report_late'), alert(2, 'too_few_official')]),
    ).toEqual([
      { kind: 'missed_regular', count: 1 },
      { kind: 'report_late', count: 2 },
      { kind: 'too_few_official', count: 1 },
    ]);
  });
});
