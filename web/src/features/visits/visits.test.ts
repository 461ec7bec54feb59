import { describe, expect, it } from 'vitest';
import { addDays } from '../../lib/dates';
import type { PlanCell, PlannedVisit } from '../../lib/types';
import {
  PETITION_FIELD_LABELS,
  RAISED_BY_LABELS,
  VISIT_KIND_LABELS,
  VISIT_STATUS_LABELS,
  actionLabel,
} from '../../lib/labels';
import {
  canReport,
  dutyText,
  groupVisits,
  monthText,
  myVisitSections,
  nextMonths,
  periodText,
  petitionOwners,
  priorityOrder,
  reportInput,
  splitAtMonth,
  termText,
  visitCountText,
  visitWhenText,
} from './visits';

const visit = (patch: Partial<PlannedVisit>): PlannedVisit => ({
  id: 1,
  plan_id: 1,
  attendant_id: 1,
  attendant_name: 'Nguyễn Văn An',
  cell_id: 10,
  cell_name: 'Chi bộ Thôn Đông',
  kind: 'meeting',
  year: 2026,
  month: 3,
  date: '2026-03-05',
  start_time: '14:00',
  reason: '',
  meeting_id: 100,
  status: 'planned',
  report_due: null,
  report_id: null,
  ...patch,
});

describe('the labels of visits', () => {
  it('name each status, kind, field and petitioner as the brief says', () => {
    expect(VISIT_STATUS_LABELS).toEqual({
      planned: 'Chưa đến',
      attended: 'Đã dự, chờ báo cáo',
      reported: 'Đã báo cáo',
      report_late: 'Báo cáo muộn',
      report_missing: 'Chưa báo cáo (quá hạn)',
      not_held: 'Chưa thực hiện',
    });
    expect(VISIT_KIND_LABELS.meeting).toBe('Dự sinh hoạt chi bộ');
    expect(VISIT_KIND_LABELS.grassroots).toBe('Đi cơ sở');
    expect(Object.keys(PETITION_FIELD_LABELS)).toHaveLength(8);
    expect(PETITION_FIELD_LABELS.security).toBe('An ninh trật tự');
    expect(RAISED_BY_LABELS).toEqual({ member: 'Đảng viên', resident: 'Nhân dân' });
  });

  it('name the audited actions in Vietnamese', () => {
    expect(actionLabel('visit_plan.publish')).toBe('Công bố kế hoạch dự sinh hoạt');
    expect(actionLabel('petition.answer')).toBe('Trả lời kiến nghị');
  });
});

describe('how a duty, a term and a period read', () => {
  it('says the three numbers of a duty', () => {
    expect(dutyText({ visits_per_month: 1, meetings_per_quarter: 1, report_days: 5 })).toBe(
      '1 lần đi cơ sở/tháng · 1 buổi dự sinh hoạt/quý · báo cáo trong 5 ngày',
    );
  });

  it('leaves an open term open', () => {
    expect(termText({ term_start: '2025-10-01', term_end: null })).toBe('01/10/2025 –');
    expect(termText({ term_start: '2025-10-01', term_end: '2030-09-30' })).toBe('01/10/2025 – 30/09/2030');
  });

  it('writes months as mm/yyyy, a single month once', () => {
    expect(monthText('2026-03')).toBe('03/2026');
    expect(monthText('2026-03-01')).toBe('03/2026');
    expect(periodText('2026-01', '2026-12')).toBe('01/2026 – 12/2026');
    expect(periodText('2026-04', '2026-04')).toBe('04/2026');
  });

  it('gives a meeting its day and time, a grassroots visit its month', () => {
    expect(visitWhenText(visit({}))).toBe('05/03/2026 lúc 14:00');
    expect(visitWhenText(visit({ kind: 'grassroots', date: null, start_time: null }))).toBe('Trong tháng 3/2026');
  });

  it('counts the visits by kind', () => {
    expect(visitCountText([visit({}), visit({ kind: 'grassroots' }), visit({ kind: 'grassroots' })])).toBe(
      '1 lượt dự sinh hoạt chi bộ, 2 lượt đi cơ sở',
    );
    expect(visitCountText([])).toBe('Chưa có lượt nào');
  });
});

describe('groupVisits', () => {
  const visits = [
    visit({ id: 1, attendant_id: 2, attendant_name: 'Trần Thị Bình', month: 4, date: '2026-04-05' }),
    visit({ id: 2, attendant_id: 1, attendant_name: 'Đặng Văn Hùng', month: 3, date: '2026-03-10', cell_name: 'Chi bộ B' }),
    visit({ id: 3, attendant_id: 2, attendant_name: 'Trần Thị Bình', month: 3, date: '2026-03-05', cell_name: 'Chi bộ C' }),
    visit({ id: 4, attendant_id: 1, attendant_name: 'Đặng Văn Hùng', kind: 'grassroots', month: 3, date: null, cell_name: 'Chi bộ A' }),
    visit({ id: 5, attendant_id: 3, attendant_name: 'Ánh', year: 2025, month: 12, date: '2025-12-05' }),
  ];

  it('by month: months in time order, meetings by day before the grassroots visits', () => {
    const groups = groupVisits(visits, 'month');

    expect(groups.map((g) => g.title)).toEqual(['Tháng 12/2025', 'Tháng 3/2026', 'Tháng 4/2026']);
    expect(groups[1].visits.map((v) => v.id)).toEqual([3, 2, 4]);
  });

  it('by person: names in Vietnamese order, each person in time order', () => {
    const groups = groupVisits(visits, 'person');

    expect(groups.map((g) => g.title)).toEqual(['Ánh', 'Đặng Văn Hùng', 'Trần Thị Bình']);
    expect(groups[1].visits.map((v) => v.id)).toEqual([2, 4]);
    expect(groups[2].visits.map((v) => v.id)).toEqual([3, 1]);
  });
});

describe('priorityOrder', () => {
  it('puts the cells with most points first, ties by name', () => {
    const cell = (cell_id: number, cell_name: string, points: number): PlanCell => ({
      cell_id,
      cell_name,
      points,
      reasons: [],
      visits: 0,
    });
    expect(priorityOrder([cell(1, 'B', 2), cell(2, 'A', 5), cell(3, 'A2', 2)]).map((c) => c.cell_id)).toEqual([2, 3, 1]);
  });
});

describe('canReport', () => {
  it('offers the report of a meeting once attended or past its day, never twice', () => {
    expect(canReport(visit({ status: 'attended' }), '2026-03-01')).toBe(true);
    expect(canReport(visit({ status: 'report_missing' }), '2026-03-20')).toBe(true);
    expect(canReport(visit({}), '2026-03-04')).toBe(false);
    expect(canReport(visit({}), '2026-03-05')).toBe(true);
    expect(canReport(visit({ status: 'reported', report_id: 7 }), '2026-03-20')).toBe(false);
    expect(canReport(visit({ meeting_id: null, status: 'not_held' }), '2026-04-20')).toBe(false);
  });

  it('offers a grassroots visit from its month on', () => {
    const g = visit({ kind: 'grassroots', date: null, meeting_id: null });
    expect(canReport(g, '2026-02-28')).toBe(false);
    expect(canReport(g, '2026-03-01')).toBe(true);
    expect(canReport({ ...g, status: 'not_held' }, '2026-05-01')).toBe(true);
  });
});

describe('dates', () => {
  it('adds calendar days across months and years', () => {
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
  });

  it('proposes the three months after this one', () => {
    expect(nextMonths(new Date(2026, 10, 20))).toEqual({ from: '2026-12', to: '2027-02' });
  });
});

describe('petitionOwners', () => {
  it('offers the committee and the cell, once each', () => {
    const committee = { organization_id: 5, organization_name: 'Đảng bộ xã Hòa An' };
    expect(petitionOwners(committee, visit({}))).toEqual([
      { value: 5, label: 'Đảng bộ xã Hòa An' },
      { value: 10, label: 'Chi bộ Thôn Đông' },
    ]);
    expect(petitionOwners(undefined, visit({}))).toEqual([{ value: 10, label: 'Chi bộ Thôn Đông' }]);
  });
});

describe('reportInput', () => {
  it('names the meeting of a meeting visit and leaves its day to the meeting', () => {
    const body = reportInput(visit({}), {
      visited_on: '2026-03-05',
      observations: ' Sinh hoạt đúng quy trình. ',
      members_situation: '  ',
      petitions: [
        {
          field: 'infrastructure',
          raised_by_kind: 'resident',
          raised_by: ' Ông Ba ',
          content: ' Sửa đường ',
          owner_organization_id: 5,
          owner_name: '',
          deadline: '2026-04-04',
        },
      ],
    });

    expect(body).toEqual({
      attendant_id: 1,
      cell_id: 10,
      kind: 'meeting',
      meeting_id: 100,
      observations: 'Sinh hoạt đúng quy trình.',
      petitions: [
        {
          field: 'infrastructure',
          raised_by_kind: 'resident',
          raised_by: 'Ông Ba',
          content: 'Sửa đường',
          owner_organization_id: 5,
          deadline: '2026-04-04',
        },
      ],
    });
  });

  it('gives a grassroots visit its day and no meeting', () => {
    const body = reportInput(visit({ kind: 'grassroots', meeting_id: null }), {
      visited_on: '2026-03-12',
      observations: 'Nắm tình hình thôn.',
      members_situation: 'Ổn định',
    });

    expect(body).toEqual({
      attendant_id: 1,
      cell_id: 10,
      kind: 'grassroots',
      visited_on: '2026-03-12',
      observations: 'Nắm tình hình thôn.',
      members_situation: 'Ổn định',
    });
  });
});

describe('myVisitSections', () => {
  it('puts the visits to report first, then those to come, then the past ones latest first', () => {
    const visits = [
      visit({ id: 1, month: 1, date: '2026-01-05', status: 'reported', report_id: 9 }),
      visit({ id: 2, month: 2, date: '2026-02-05', status: 'report_missing' }),
      visit({ id: 3, month: 3, date: '2026-03-05', status: 'attended' }),
      visit({ id: 4, month: 3, kind: 'grassroots', date: null, meeting_id: null, status: 'planned' }),
      visit({ id: 5, month: 4, date: '2026-04-05', status: 'planned' }),
      visit({ id: 6, month: 2, kind: 'grassroots', date: null, meeting_id: null, status: 'report_late', report_id: 8 }),
    ];

    const sections = myVisitSections(visits, (v) => v.report_id !== null, '2026-03-10');

    expect(sections.map((s) => [s.title, s.visits.map((v) => v.id)])).toEqual([
      ['Cần gửi báo cáo', [2, 3, 4]],
      ['Sắp tới', [5]],
      ['Đã qua', [6, 1]],
    ]);
  });
});

describe('splitAtMonth', () => {
  it('keeps this month with those to come, the past latest first', () => {
    const visits = [
      visit({ id: 1, month: 1, date: '2026-01-05' }),
      visit({ id: 2, month: 3, date: '2026-03-05' }),
      visit({ id: 3, month: 2, date: '2026-02-05' }),
      visit({ id: 4, month: 4, date: '2026-04-05' }),
    ];

    const { upcoming, past } = splitAtMonth(visits, '2026-03-20');

    expect(upcoming.map((v) => v.id)).toEqual([2, 4]);
    expect(past.map((v) => v.id)).toEqual([3, 1]);
  });
});
