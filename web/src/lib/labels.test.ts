import { describe, expect, it } from 'vitest';
import {
  ACTION_LABELS,
  actionLabel,
  ALERT_KIND_COLORS,
  ALERT_KINDS,
  alertKindColor,
  alertKindLabel,
  documentTypeOptions,
  entityLabel,
  fieldLabel,
} from './labels';

describe('documentTypeOptions', () => {
  it('lists the 13 types of docs/api.md in order, with the symbols printed in numbers', () => {
    const options = documentTypeOptions();
    expect(options.map((o) => o.value)).toEqual(['NQ', 'QD', 'KL', 'TB', 'BC', 'KH', 'CTr', 'DA', 'PA', 'TTr', 'CV', 'BB', 'QC']);
    expect(options[0].label).toBe('Nghị quyết (NQ)');
    expect(options.find((o) => o.value === 'QD')?.label).toBe('Quyết định (QĐ)');
    expect(options.find((o) => o.value === 'DA')?.label).toBe('Đề án (ĐA)');
  });
});

describe('audit labels of the register', () => {
  it('names a registration in Vietnamese', () => {
    expect(actionLabel('document.register')).toBe('Vào sổ');
    expect(entityLabel('document')).toBe('Văn bản');
  });
});

describe('audit labels of meeting quality', () => {
  it('names scoring and a new scorecard in Vietnamese', () => {
    expect(actionLabel('meeting.score')).toBe('Chấm điểm sinh hoạt');
    expect(actionLabel('meeting.rescore')).toBe('Chấm lại điểm sinh hoạt');
    expect(actionLabel('scorecard.create')).toBe('Lập phiếu đánh giá chất lượng sinh hoạt');
  });
});

describe('audit labels of grading', () => {
  it('names opening a round, recording and correcting a grading in Vietnamese', () => {
    expect(actionLabel('grading.open')).toBe('Mở đợt đánh giá, xếp loại');
    expect(actionLabel('grading.record')).toBe('Ghi đánh giá, xếp loại');
    expect(actionLabel('grading.correct')).toBe('Điều chỉnh đánh giá, xếp loại');
    expect(entityLabel('grading_round')).toBe('Đợt đánh giá, xếp loại');
  });
});

describe('audit labels of temporary transfer letters', () => {
  it('names issuing, changing and deleting a letter, and its fields, in Vietnamese', () => {
    expect(actionLabel('member.letter_create')).toBe('Cấp giấy giới thiệu sinh hoạt tạm thời');
    expect(actionLabel('member.letter_update')).toBe('Sửa giấy giới thiệu sinh hoạt tạm thời');
    expect(actionLabel('member.letter_delete')).toBe('Xóa giấy giới thiệu sinh hoạt tạm thời');
    expect(fieldLabel('host')).toBe('Nơi đến sinh hoạt tạm thời');
    expect(fieldLabel('to')).toBe('Đến ngày');
  });
});

describe('audit labels of thematic topics', () => {
  // Every action topic_service.cpp records, as an administrator reads the audit log.
  const actions = [
    'topic_orientation.create',
    'topic.create',
    'topic.propose',
    'topic.update',
    'topic.accept',
    'topic.decline',
    'topic.draft',
    'topic.submit',
    'topic.approve',
    'topic.send',
    'topic.comment',
  ];

  it('names each action in its own Vietnamese words, not by its verb alone', () => {
    const labels = actions.map(actionLabel);

    expect(new Set(labels).size).toBe(actions.length);
    expect(labels.every((l) => /chuyên đề/.test(l))).toBe(true);
    expect(actionLabel('topic.create')).not.toBe(actionLabel('create'));
    expect(actionLabel('topic.send')).toBe('Gửi dự thảo chuyên đề đến đảng viên');
  });

  it('names the entities and the fields their records carry', () => {
    expect(entityLabel('topic')).toBe('Chuyên đề');
    expect(entityLabel('topic_orientation')).toBe('Định hướng chuyên đề');
    for (const f of ['quarter', 'preparer', 'orientation_id', 'meeting_id', 'decline_reason', 'version', 'sent_version'])
      expect(fieldLabel(f)).not.toBe(f);
  });
});

describe('compliance alert kinds', () => {
  it('names every kind of docs/api.md in Vietnamese, in order', () => {
    expect(ALERT_KINDS).toEqual([
      'missed_regular',
      'missed_thematic',
      'too_short',
      'low_attendance',
      'documents_late',
      'minutes_late',
      'report_late',
      'repeated_absences',
      'confirmation_due',
      'committee_required',
      'too_few_official',
      'petition_overdue',
    ]);
    expect(ALERT_KINDS.map(alertKindLabel)).toEqual([
      'Thiếu sinh hoạt thường kỳ',
      'Thiếu sinh hoạt chuyên đề',
      'Thiếu thời lượng',
      'Dự dưới 90 %',
      'Tài liệu gửi muộn',
      'Biên bản chậm',
      'Báo cáo chậm',
      'Vắng 3 lần không lý do',
      'Đến hạn xét chính thức',
      'Cần có chi ủy',
      'Dưới 3 đảng viên chính thức',
      'Kiến nghị quá hạn trả lời',
    ]);
  });

  it('gives every kind a colour and leaves an unknown kind as it is', () => {
    for (const kind of ALERT_KINDS) expect(ALERT_KIND_COLORS[kind]).toBeTruthy();
    expect(alertKindLabel('something_new')).toBe('something_new');
    expect(alertKindColor('something_new')).toBe('default');
  });
});

// The server's C++ sources, read as text: every action it writes to the audit log (the literal "entity.verb"
// arguments of RecordAudit) must have its own Vietnamese label, not a verb guessed from the code.
const SERVER_SOURCES = import.meta.glob('../../../src/**/*.cpp', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

describe('audit labels of every action', () => {
  it('names in Vietnamese every action the server records', () => {
    const actions = new Set<string>();
    for (const text of Object.values(SERVER_SOURCES))
      for (const call of text.matchAll(/RecordAudit\(([^;]*?)\);/gs))
        for (const literal of call[1].matchAll(/"([a-z_]+\.[a-z_]+)"/g)) actions.add(literal[1]);
    expect(actions.size).toBeGreaterThan(40);
    const missing = [...actions].filter((a) => !(a in ACTION_LABELS)).sort();
    expect(missing).toEqual([]);
    expect(actionLabel('meeting.notify')).toBe('Thông báo sinh hoạt đến đảng viên');
  });
});
