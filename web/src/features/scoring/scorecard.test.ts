import { describe, expect, it } from 'vitest';
import {
  allCriteria,
  capNotes,
  cardTotal,
  checkScorecard,
  computedPoints,
  deviationText,
  factText,
  formatTier,
  fromDisplayBound,
  fullMarksShort,
  initialPoints,
  initialReasons,
  issuesAt,
  missingCriteria,
  overriddenCriteria,
  overrideReasonNeeded,
  overrideText,
  parseFieldPath,
  pointsToSend,
  reasonsToSend,
  scoreChanges,
  qualityLevel,
  scorecardDraft,
  scorecardKindChoice,
  scorecardKindLabel,
  scorecardKindOf,
  scorecardSource,
  versionStatus,
  scoreOverrides,
  toDisplayBound,
  totalPoints,
  uniqueCode,
} from './scorecard';
import type { Criterion, MeetingFacts, MeetingScore, Metric, Scorecard, ScorecardInput, Tier } from '../../lib/types';

const judged = (code: string, max: number): Criterion => ({
  code,
  label: code,
  max_points: max,
  metric: null,
  tiers: [],
  caps: [],
});
const computed = (
  code: string,
  max: number,
  metric: Metric,
  tiers: Tier[],
  caps: Criterion['caps'] = [],
): Criterion => ({
  code,
  label: code,
  max_points: max,
  metric,
  tiers,
  caps,
});
const yesNo = (points: number): Tier[] => [
  { min: 1, max: null, points },
  { min: 0, max: 1, points: 0 },
];

// The built-in HD 42 scorecard as src/domain/scorecard.cpp ships it.
function hd42(): Scorecard {
  return {
    id: 0,
    organization_id: null,
    name: 'Phiếu đánh giá chất lượng sinh hoạt chi bộ (Hướng dẫn 42-HD/BTCTW)',
    effective_from: '2025-10-28',
    meeting_kind: null,
    total: 100,
    created_by: '',
    created_at: null,
    good_min: 90,
    fair_min: 70,
    average_min: 50,
    full_marks_for_good: ['duration', 'attendance', 'participation', 'minutes'],
    blocks: [
      {
        code: 'time',
        label: 'Thời gian, thời lượng',
        max_points: 5,
        criteria: [
          computed('duration', 5, 'shortfall_minutes', [
            { min: 0, max: 1, points: 5 },
            { min: 1, max: 16, points: 4 },
            { min: 16, max: 31, points: 3 },
            { min: 31, max: 46, points: 2 },
            { min: 46, max: null, points: 1 },
          ]),
        ],
      },
      {
        code: 'attendance',
        label: 'Tỷ lệ đảng viên dự sinh hoạt',
        max_points: 5,
        criteria: [
          computed(
            'attendance',
            5,
            'attendance_share',
            [
              { min: 1, max: null, points: 5 },
              { min: 0.9, max: 1, points: 4 },
              { min: 0.75, max: 0.9, points: 3 },
              { min: 0.65, max: 0.75, points: 2 },
              { min: 0, max: 0.65, points: 1 },
            ],
            [{ metric: 'unexcused_absences', at_least: 1, points: 1 }],
          ),
        ],
      },
      {
        code: 'preparation',
        label: 'Công tác chuẩn bị',
        max_points: 10,
        criteria: [
          judged('content', 2),
          computed('draft_resolution', 2, 'draft_resolution', yesNo(2)),
          computed('committee_meeting', 2, 'committee_meeting_held', yesNo(2)),
          computed('notice', 2, 'notice_sent', yesNo(2)),
          computed('documents_ahead', 2, 'documents_ahead', yesNo(2)),
        ],
      },
      {
        code: 'conduct',
        label: 'Tiến hành sinh hoạt',
        max_points: 40,
        criteria: [
          judged('procedure', 10),
          judged('content_quality', 10),
          judged('chairing', 10),
          computed('participation', 10, 'speaker_share', [
            { min: 0.5, max: null, points: 10 },
            { min: 0.4, max: 0.5, points: 8 },
            { min: 0.3, max: 0.4, points: 6 },
            { min: 0, max: 0.3, points: 4 },
          ]),
        ],
      },
      {
        code: 'principles',
        label: 'Nguyên tắc sinh hoạt Đảng',
        max_points: 5,
        criteria: [judged('democratic_centralism', 3), judged('self_criticism', 2)],
      },
      {
        code: 'results',
        label: 'Kết quả thực hiện nghị quyết tháng trước',
        max_points: 30,
        criteria: [
          computed('targets_met', 30, 'targets_met', [
            { min: 0.9, max: null, points: 30 },
            { min: 0.8, max: 0.9, points: 27 },
            { min: 0.7, max: 0.8, points: 24 },
            { min: 0.6, max: 0.7, points: 20 },
            { min: 0.5, max: 0.6, points: 15 },
            { min: 0, max: 0.5, points: 10 },
          ]),
        ],
      },
      {
        code: 'closing',
        label: 'Kết thúc sinh hoạt',
        max_points: 5,
        criteria: [
          computed('resolution_adopted', 2, 'resolution_adopted', yesNo(2)),
          computed('minutes', 2, 'minutes_finalised', yesNo(2)),
          computed('report_on_time', 1, 'report_on_time', yesNo(1)),
        ],
      },
    ],
  };
}

// Full marks everywhere.
function fullMarks(card: ScorecardInput = hd42()): Record<string, number> {
  return Object.fromEntries(allCriteria(card).map((c) => [c.code, c.max_points]));
}

const facts = (patch: Partial<MeetingFacts> = {}): MeetingFacts => ({
  duration_minutes: 95,
  min_minutes: 90,
  attendance_share: 1,
  unexcused: 0,
  documents_ahead: true,
  committee_meeting_held: true,
  draft_resolution: true,
  notice_sent: true,
  speaker_share: 0.6,
  targets_met: 0.85,
  resolution_adopted: true,
  minutes_finalised: true,
  report_on_time: null,
  ...patch,
});

describe('totalPoints', () => {
  it('adds the points given and counts criteria not scored yet as 0', () => {
    expect(totalPoints(fullMarks())).toBe(100);
    expect(totalPoints({ a: 3, b: null, c: undefined, d: 4 })).toBe(7);
    expect(totalPoints({})).toBe(0);
  });
});

describe('qualityLevel', () => {
  const card = hd42();
  it.each([
    [100, 'good'],
    [90, 'good'],
    [89, 'fair'],
    [70, 'fair'],
    [69, 'average'],
    [50, 'average'],
    [49, 'poor'],
    [0, 'poor'],
  ])('with full marks on the required criteria, %i points is %s', (total, level) => {
    // Take points off the 30-point results criterion (not one of the required ones) and then the judged ones.
    const points = fullMarks();
    let off = 100 - total;
    for (const code of [
      'targets_met',
      'procedure',
      'content_quality',
      'chairing',
      'draft_resolution',
      'notice',
      'documents_ahead',
      'committee_meeting',
      'content',
      'democratic_centralism',
      'self_criticism',
      'resolution_adopted',
      'report_on_time',
      'duration',
      'attendance',
      'participation',
      'minutes',
    ]) {
      const take = Math.min(off, points[code]);
      points[code] -= take;
      off -= take;
    }
    expect(totalPoints(points)).toBe(total);
    expect(qualityLevel(card, points)).toBe(level);
  });

  it('gives "Khá", not "Tốt", to a total ≥ good_min short of full marks on a required criterion', () => {
    const points = { ...fullMarks(), attendance: 4 };
    expect(totalPoints(points)).toBe(99);
    expect(qualityLevel(card, points)).toBe('fair');
    expect(fullMarksShort(card, points).map((c) => c.code)).toEqual(['attendance']);
  });

  it('counts a required criterion not scored yet as short of full marks', () => {
    const points: Record<string, number | null> = { ...fullMarks(), minutes: null, targets_met: 30 };
    expect(qualityLevel({ ...card, good_min: 95 }, points)).toBe('fair');
  });

  it('needs only the total when no criterion is required for "Tốt"', () => {
    const points = { ...fullMarks(), attendance: 4 };
    expect(qualityLevel({ ...card, full_marks_for_good: [] }, points)).toBe('good');
  });

  it("follows the scorecard's own thresholds", () => {
    const points = { ...fullMarks(), targets_met: 10 };
    expect(totalPoints(points)).toBe(80);
    expect(qualityLevel({ ...card, good_min: 80, fair_min: 60 }, points)).toBe('good');
    expect(qualityLevel({ ...card, good_min: 95, fair_min: 85, average_min: 80 }, points)).toBe('average');
  });
});

describe('missingCriteria and pointsToSend', () => {
  it('lists the criteria without points in order and sends every criterion', () => {
    const card = hd42();
    const points = { ...fullMarks(), procedure: null, chairing: undefined };
    delete (points as Record<string, unknown>).content;
    expect(missingCriteria(card, points).map((c) => c.code)).toEqual(['content', 'procedure', 'chairing']);
    const sent = pointsToSend(card, fullMarks());
    expect(Object.keys(sent)).toHaveLength(allCriteria(card).length);
    expect(totalPoints(sent)).toBe(100);
  });
});

describe('checkScorecard', () => {
  const fields = (card: ScorecardInput, today?: string) => checkScorecard(card, today).map((i) => i.field);

  it('accepts the HD 42 scorecard', () => {
    expect(checkScorecard(hd42(), '2025-10-28')).toEqual([]);
    expect(cardTotal(hd42())).toBe(100);
  });

  it('names a block whose points are not the sum of its criteria, and the wrong total', () => {
    const card = hd42();
    card.blocks[2].max_points = 12;
    expect(fields(card)).toEqual(['blocks[2].max_points', 'blocks']);
    expect(checkScorecard(card)[0].message).toMatch(/tổng điểm các tiêu chí \(10\) khác điểm của nhóm \(12\)/);
    expect(checkScorecard(card)[1].message).toBe('Tổng điểm của phiếu phải là 100 (hiện là 102).');
  });

  it('names a criterion whose tiers overlap, are reversed or exceed its maximum', () => {
    const overlap = hd42();
    overlap.blocks[1].criteria[0].tiers[1].min = 0.95;
    overlap.blocks[1].criteria[0].tiers[2].max = 0.96;
    expect(fields(overlap)).toEqual(['blocks[1].criteria[0].tiers']);

    const reversed = hd42();
    reversed.blocks[0].criteria[0].tiers[1] = { min: 16, max: 1, points: 4 };
    expect(checkScorecard(reversed).map((i) => i.message)).toContain(
      'Khoảng của một mức điểm trong tiêu chí "duration" bị ngược.',
    );

    const above = hd42();
    above.blocks[5].criteria[0].tiers[0].points = 31;
    expect(fields(above)).toEqual(['blocks[5].criteria[0].tiers']);
  });

  it('accepts adjacent tiers that share a bound (min ≤ value < max)', () => {
    const card = hd42();
    card.blocks[1].criteria[0].tiers = [
      { min: 0.95, max: null, points: 5 },
      { min: 0, max: 0.95, points: 1 },
    ];
    expect(fields(card)).toEqual([]);
  });

  it('names tiers on a judgement criterion, a computed criterion without tiers and a cap above the maximum', () => {
    const card = hd42();
    card.blocks[3].criteria[0].tiers = [{ min: 0, max: null, points: 1 }];
    card.blocks[6].criteria[1].tiers = [];
    card.blocks[1].criteria[0].caps[0].points = 6;
    expect(fields(card)).toEqual([
      'blocks[1].criteria[0].caps',
      'blocks[3].criteria[0].tiers',
      'blocks[6].criteria[1].tiers',
    ]);
  });

  it('names duplicate codes, empty labels and a zero maximum', () => {
    const card = hd42();
    card.blocks[4].criteria[1].code = 'democratic_centralism';
    card.blocks[4].label = ' ';
    card.blocks[2].criteria[0].max_points = 0;
    card.blocks[2].max_points = 8;
    expect(fields(card)).toEqual([
      'blocks[2].criteria[0].max_points',
      'blocks[4].label',
      'blocks[4].criteria[1].code',
      'blocks',
    ]);
  });

  it('wants descending thresholds, known full-mark criteria, a name and a date from today', () => {
    expect(fields({ ...hd42(), good_min: 60 })).toEqual(['levels']);
    expect(fields({ ...hd42(), average_min: 0 })).toEqual(['levels']);
    expect(fields({ ...hd42(), full_marks_for_good: ['duration', 'nothing'] })).toEqual(['full_marks_for_good']);
    expect(fields({ ...hd42(), name: '  ' })).toEqual(['name']);
    expect(fields({ ...hd42(), effective_from: '2026-03-01' }, '2026-03-02')).toEqual(['effective_from']);
    expect(fields({ ...hd42(), effective_from: '2026-03-02' }, '2026-03-02')).toEqual([]);
  });

  it('says a scorecard without blocks needs one', () => {
    expect(fields({ ...hd42(), blocks: [], full_marks_for_good: [] })).toEqual(['blocks']);
  });
});

describe('parseFieldPath and issuesAt', () => {
  it('reads the places the server names', () => {
    expect(parseFieldPath('blocks[2].max_points')).toEqual({ kind: 'block', block: 2, part: 'max_points' });
    expect(parseFieldPath('blocks[1].criteria[0].tiers')).toEqual({
      kind: 'criterion',
      block: 1,
      criterion: 0,
      part: 'tiers',
    });
    expect(parseFieldPath('blocks[3].criteria[12]')).toEqual({ kind: 'criterion', block: 3, criterion: 12, part: '' });
    expect(parseFieldPath('blocks')).toEqual({ kind: 'card', part: 'blocks' });
    expect(parseFieldPath('levels')).toEqual({ kind: 'card', part: 'levels' });
    expect(parseFieldPath('effective_from')).toEqual({ kind: 'card', part: 'effective_from' });
  });

  it('picks the issues of one block or one criterion', () => {
    const issues = [
      { field: 'blocks[2].max_points', message: 'a' },
      { field: 'blocks[2].criteria[1].tiers', message: 'b' },
      { field: 'blocks[1].criteria[1].tiers', message: 'c' },
      { field: 'blocks', message: 'd' },
    ];
    expect(issuesAt(issues, 2).map((i) => i.message)).toEqual(['a']);
    expect(issuesAt(issues, 2, 1).map((i) => i.message)).toEqual(['b']);
    expect(issuesAt(issues, 0)).toEqual([]);
  });
});

describe('computedPoints (mirror of the domain)', () => {
  const card = hd42();
  const crit = (code: string) => allCriteria(card).find((c) => c.code === code)!;

  it('takes the tier the value falls in', () => {
    expect(computedPoints(crit('attendance'), facts({ attendance_share: 1 }))).toBe(5);
    expect(computedPoints(crit('attendance'), facts({ attendance_share: 0.9 }))).toBe(4);
    expect(computedPoints(crit('attendance'), facts({ attendance_share: 0.8 }))).toBe(3);
    expect(computedPoints(crit('duration'), facts({ duration_minutes: 90 }))).toBe(5);
    expect(computedPoints(crit('duration'), facts({ duration_minutes: 70 }))).toBe(3);
    expect(computedPoints(crit('targets_met'), facts({ targets_met: 0.85 }))).toBe(27);
    expect(computedPoints(crit('notice'), facts({ notice_sent: false }))).toBe(0);
  });

  it('lowers the points to a cap the record reaches', () => {
    const f = facts({ attendance_share: 0.95, unexcused: 1 });
    expect(computedPoints(crit('attendance'), f)).toBe(1);
    expect(capNotes(crit('attendance'), f)).toEqual(['Tối đa 1 điểm: 1 đảng viên vắng không lý do.']);
    expect(capNotes(crit('attendance'), facts())).toEqual([]);
  });

  it('leaves judgement criteria and unknown facts to people', () => {
    expect(computedPoints(crit('procedure'), facts())).toBeNull();
    expect(computedPoints(crit('report_on_time'), facts({ report_on_time: null }))).toBeNull();
    expect(computedPoints(crit('report_on_time'), facts({ report_on_time: false }))).toBe(0);
    expect(computedPoints(crit('duration'), facts({ duration_minutes: null }))).toBeNull();
  });

  it('gives 0 for a value outside every tier', () => {
    const c = computed('x', 5, 'speaker_share', [{ min: 0.5, max: null, points: 5 }]);
    expect(computedPoints(c, facts({ speaker_share: 0.2 }))).toBe(0);
  });
});

describe('words for people', () => {
  it('explains the fact behind a computed criterion', () => {
    expect(factText('attendance_share', facts({ attendance_share: 0.875, unexcused: 2 }))).toBe(
      'Có mặt 88 % số đảng viên phải dự; 2 đảng viên vắng không lý do.',
    );
    expect(factText('shortfall_minutes', facts({ duration_minutes: 75 }))).toBe(
      'Sinh hoạt 75 phút, tối thiểu 90 phút (thiếu 15 phút).',
    );
    expect(factText('shortfall_minutes', facts({ duration_minutes: null }))).toMatch(/Chưa ghi giờ/);
    expect(factText('documents_ahead', facts({ documents_ahead: false }))).toMatch(/chưa đủ 1 ngày/);
  });

  it("writes tiers in the metric's unit", () => {
    expect(formatTier('attendance_share', { min: 0.9, max: 1, points: 4 })).toBe('Từ 90 % đến dưới 100 %: 4 điểm');
    expect(formatTier('attendance_share', { min: 1, max: null, points: 5 })).toBe('Từ 100 % trở lên: 5 điểm');
    expect(formatTier('attendance_share', { min: 0, max: 0.65, points: 1 })).toBe('Dưới 65 %: 1 điểm');
    expect(formatTier('notice_sent', { min: 1, max: null, points: 2 })).toBe('Có: 2 điểm');
    expect(formatTier('notice_sent', { min: 0, max: 1, points: 0 })).toBe('Không: 0 điểm');
    expect(formatTier('shortfall_minutes', { min: 0, max: 1, points: 5 })).toBe('Đủ thời lượng: 5 điểm');
    expect(formatTier('shortfall_minutes', { min: 16, max: 31, points: 3 })).toBe(
      'Thiếu từ 16 phút đến dưới 31 phút: 3 điểm',
    );
  });

  it('shows shares as percentages in the editor and stores them as 0–1', () => {
    expect(toDisplayBound('attendance_share', 0.95)).toBe(95);
    expect(fromDisplayBound('attendance_share', 95)).toBe(0.95);
    expect(fromDisplayBound('speaker_share', 33.3)).toBe(0.333);
    expect(toDisplayBound('shortfall_minutes', 16)).toBe(16);
    expect(fromDisplayBound(null, 16)).toBe(16);
  });

  it('names where the scorecard in force comes from', () => {
    expect(scorecardSource({ in_force: hd42(), source_name: '' })).toBe('Mặc định theo Hướng dẫn 42');
    expect(scorecardSource({ in_force: { ...hd42(), id: 7 }, source_name: 'Đảng bộ xã Hòa An' })).toBe(
      'Theo Đảng bộ xã Hòa An',
    );
  });
});

describe('drafts', () => {
  it("starts a new version from the one in force, from today, without the server's fields", () => {
    const draft = scorecardDraft({ ...hd42(), id: 3, created_by: 'xa.hoaan' }, '2026-03-02');
    expect(draft.effective_from).toBe('2026-03-02');
    expect(draft).not.toHaveProperty('id');
    expect(draft).not.toHaveProperty('total');
    expect(draft).not.toHaveProperty('created_by');
    draft.blocks[1].criteria[0].tiers[0].points = 1;
    expect(hd42().blocks[1].criteria[0].tiers[0].points).toBe(5);
    expect(scorecardDraft({ ...hd42(), effective_from: '2026-05-01' }, '2026-03-02').effective_from).toBe('2026-05-01');
  });

  it('keeps the meetings a version scores, unless the viewer asked for another kind', () => {
    expect(scorecardDraft({ ...hd42(), meeting_kind: 'thematic' }, '2026-03-02').meeting_kind).toBe('thematic');
    expect(scorecardDraft(hd42(), '2026-03-02').meeting_kind).toBeNull();
    expect(scorecardDraft(hd42(), '2026-03-02', 'thematic').meeting_kind).toBe('thematic');
    expect(scorecardDraft({ ...hd42(), meeting_kind: 'thematic' }, '2026-03-02', null).meeting_kind).toBeNull();
  });

  it('says what became of a version as seen from the viewer of one kind of meeting', () => {
    const v = (id: number, effective_from: string, meeting_kind: Scorecard['meeting_kind']) => ({ id, effective_from, meeting_kind });
    expect(versionStatus(v(3, '2026-01-01', 'thematic'), 3, 'thematic', '2026-03-02')).toBe('in_force');
    expect(versionStatus(v(4, '2026-04-01', null), 3, 'thematic', '2026-03-02')).toBe('upcoming');
    expect(versionStatus(v(2, '2026-01-01', null), 3, 'thematic', '2026-03-02')).toBe('replaced');
    expect(versionStatus(v(3, '2026-01-01', 'thematic'), 2, 'regular', '2026-03-02')).toBeNull();
  });

  it.each([
    [null, 'all', 'Mọi buổi sinh hoạt'],
    ['thematic', 'thematic', 'Chỉ sinh hoạt chuyên đề'],
    ['regular', 'regular', 'Chỉ sinh hoạt thường kỳ'],
  ] as const)('names the meetings of kind %s', (kind, choice, label) => {
    expect(scorecardKindChoice(kind)).toBe(choice);
    expect(scorecardKindOf(choice)).toBe(kind);
    expect(scorecardKindLabel(kind)).toBe(label);
  });

  it('finds a free code', () => {
    expect(uniqueCode('tieu_chi', ['tieu_chi_1', 'tieu_chi_3'])).toBe('tieu_chi_2');
    expect(uniqueCode('nhom', [])).toBe('nhom_1');
  });

  it("starts a scoring from the column's last scoring, else from what was computed", () => {
    const card = hd42();
    const previous: MeetingScore = {
      id: 1,
      role: 'cell',
      scorecard_id: 0,
      points: { ...fullMarks(), chairing: 7, attendance: 3 },
      criteria: {},
      deviation: 0,
      total: 95,
      level: 'fair',
      level_label: 'Khá',
      scored_by: 'bithu',
      scored_at: '2026-03-05T01:00:00Z',
      reason: '',
    };
    const scoring = {
      scorecard: card,
      prefill: { attendance: 4, minutes: 2 },
      latest: { cell: previous, superior: null },
    };
    const cell = initialPoints(scoring, 'cell');
    expect(cell.chairing).toBe(7);
    expect(cell.attendance).toBe(3);
    const superior = initialPoints(scoring, 'superior');
    expect(superior.attendance).toBe(4);
    expect(superior.minutes).toBe(2);
    expect(superior.chairing).toBeNull();
    expect(Object.keys(superior)).toHaveLength(allCriteria(card).length);
  });
});

describe('scoreChanges', () => {
  it('lists the criteria a correction changed, by label', () => {
    const card = hd42();
    card.blocks[3].criteria[2].label = 'Điều hành của đồng chí chủ trì';
    const before = fullMarks(card);
    const after = { ...before, chairing: 7 };
    expect(scoreChanges(card, before, after)).toEqual([
      { code: 'chairing', label: 'Điều hành của đồng chí chủ trì', from: 10, to: 7 },
    ]);
    expect(scoreChanges(card, before, before)).toEqual([]);
  });
});

describe('computed criteria scored other than the record', () => {
  const score = (points: Record<string, number>, criteria: MeetingScore['criteria']): MeetingScore => ({
    id: 1,
    role: 'cell',
    scorecard_id: 0,
    points,
    criteria,
    deviation: 0,
    total: 0,
    level: 'fair',
    level_label: 'Khá',
    scored_by: 'bithu',
    scored_at: '2026-03-05T01:00:00Z',
    reason: '',
  });

  it('finds the computed criteria typed over, and sends a reason for each', () => {
    const card = hd42();
    const prefill = { attendance: 1, minutes: 2 };
    const points = { ...fullMarks(card), attendance: 5, minutes: 2, procedure: 7 };
    expect(overriddenCriteria(card, prefill, points).map((c) => c.code)).toEqual(['attendance']);
    // Judgement criteria and computed ones the record does not tell are the scorer's own.
    expect(overriddenCriteria(card, {}, points)).toEqual([]);
    expect(reasonsToSend(card, prefill, points, { attendance: '  Báo ốm qua điện thoại ', minutes: 'x' })).toEqual({
      attendance: 'Báo ốm qua điện thoại',
    });
    expect(reasonsToSend(card, prefill, { ...points, attendance: 1 }, { attendance: 'x' })).toEqual({});
  });

  it("starts a correction from the last scoring's reasons where it still departs from the record", () => {
    const card = hd42();
    const previous = score(
      { ...fullMarks(card), attendance: 5, minutes: 1 },
      {
        attendance: { points: 5, computed_points: 1, override_reason: 'Báo ốm' },
        minutes: { points: 1, computed_points: 2, override_reason: 'Biên bản ghi thiếu' },
      },
    );
    const scoring = { scorecard: card, prefill: { attendance: 1, minutes: 1 }, latest: { cell: previous, superior: null } };
    // The minutes now compute 1 (the record changed): no reason needed there any more.
    expect(initialReasons(scoring, 'cell')).toEqual({ attendance: 'Báo ốm' });
    expect(initialReasons(scoring, 'superior')).toEqual({});
  });

  it('says how a scoring stands against its record, and lists the overrides with their reasons', () => {
    const card = hd42();
    expect(deviationText(4)).toBe('Cao hơn số liệu biên bản +4');
    expect(deviationText(-2)).toBe('Thấp hơn số liệu biên bản −2');
    expect(deviationText(0)).toBeNull();
    const s = score(
      { attendance: 5, duration: 3, procedure: 9 },
      {
        procedure: { points: 9, computed_points: null, override_reason: null },
        duration: { points: 3, computed_points: 4, override_reason: 'Họp muộn' },
        attendance: { points: 5, computed_points: 1, override_reason: 'Báo ốm' },
      },
    );
    const overrides = scoreOverrides(card, s);
    expect(overrides.map((o) => o.code)).toEqual(['duration', 'attendance']);
    expect(overrideText(overrides[1])).toBe('attendance: tự tính 1 → chấm 5. Lý do: Báo ốm');
    expect(overrideReasonNeeded(findCriterionOf(card, 'attendance'), 1, 5)).toBe(
      'Điểm tiêu chí "attendance" được tính từ biên bản: 1 điểm. Muốn chấm 5 điểm cần ghi lý do điều chỉnh.',
    );
  });
});

function findCriterionOf(card: Scorecard, code: string): Criterion {
  return allCriteria(card).find((c) => c.code === code)!;
}
