import { describe, expect, it } from 'vitest';
import {
  changed,
  conclusionDraft,
  conclusionUpdate,
  incompleteOpinions,
  incompleteTasks,
  missingReasons,
  newKey,
  opinionsUpdate,
  rollDraft,
  rollUpdate,
} from './meetingDraft';
import type { Attendance, MeetingRecord, ReviewedTask } from '../../lib/types';

const RECORD = {
  started_at: null,
  ended_at: null,
  chair_id: null,
  minute_taker_id: null,
  guests: [],
  superior_attended: false,
  superior_attendant: null,
  superior_candidates: [],
  opinions: [],
  conclusion: '',
  resolution: '',
  vote: null,
  vote_scope: 'all_present',
} as unknown as MeetingRecord;

const attendance = (member_id: number, presence: Attendance['presence'], reason = ''): Attendance => ({
  member_id,
  member_name: `Đồng chí ${member_id}`,
  status_at_meeting: 'official',
  presence,
  reason,
});

describe('roll call section', () => {
  it('sends a reason only with an excused absence, and empty times as null', () => {
    const draft = rollDraft(RECORD, [attendance(1, 'excused', ' Ốm '), attendance(2, 'present', 'đã xin vắng')]);
    draft.guests = [' Ông Nguyễn Văn A ', '  '];
    draft.started_at = '14:00';

    expect(rollUpdate(draft)).toEqual({
      attendance: [
        { member_id: 1, presence: 'excused', reason: 'Ốm' },
        { member_id: 2, presence: 'present', reason: '' },
      ],
      guests: ['Ông Nguyễn Văn A'],
      superior_attended: false,
      superior_attendant_id: null,
      started_at: '14:00',
      ended_at: null,
      chair_id: null,
      minute_taker_id: null,
    });
  });

  it('sends a member away with a transfer letter as away, without the letter the server writes as the reason', () => {
    const draft = rollDraft(RECORD, [
      attendance(1, 'present'),
      attendance(2, 'away', 'Giấy giới thiệu số 15-GGT/ĐU, sinh hoạt tạm thời tại Chi bộ Khu phố 3, đến 31/12/2026'),
    ]);

    expect(rollUpdate(draft).attendance).toEqual([
      { member_id: 1, presence: 'present', reason: '' },
      { member_id: 2, presence: 'away', reason: '' },
    ]);
    expect(missingReasons(draft)).toEqual([]);
  });

  it('links the superior official chosen among the candidates, which records that a superior attended', () => {
    const record = {
      ...RECORD,
      superior_attended: true,
      superior_attendant: { id: 4, name: 'Lê Văn Tâm', role: 'Ủy viên Ban Thường vụ' },
    } as MeetingRecord;
    const draft = rollDraft(record, []);

    expect(draft.superior_attendant_id).toBe(4);
    expect(rollUpdate({ ...draft, superior_attended: false, superior_attendant_id: 6 })).toMatchObject({
      superior_attended: true,
      superior_attendant_id: 6,
    });
    expect(rollUpdate({ ...draft, superior_attended: false, superior_attendant_id: null })).toMatchObject({
      superior_attended: false,
      superior_attendant_id: null,
    });
  });

  it('names the excused members still without a reason', () => {
    const draft = rollDraft(RECORD, [
      attendance(1, 'excused', '  '),
      attendance(2, 'unexcused'),
      attendance(3, 'excused', 'Đi công tác'),
    ]);

    expect(missingReasons(draft)).toEqual(['Đồng chí 1']);
  });

  it('sees a change against what was loaded', () => {
    const saved = rollDraft(RECORD, [attendance(1, 'present')]);
    const draft = rollDraft(RECORD, [attendance(1, 'present')]);
    expect(changed(draft, saved)).toBe(false);

    draft.attendance[0] = { ...draft.attendance[0], presence: 'late' };

    expect(changed(draft, saved)).toBe(true);
  });
});

describe('opinions section', () => {
  it('keeps members by id and guests by name, and drops blank rows', () => {
    const opinions = [
      { key: newKey(), speaker_id: 4, speaker_name: 'Lê Thị B', summary: ' Đề nghị làm đường. ', accepted: true },
      { key: newKey(), speaker_id: null, speaker_name: 'Ông Trần C ', summary: 'Ủng hộ', accepted: false },
      { key: newKey(), speaker_id: null, speaker_name: ' ', summary: '', accepted: false },
    ];

    // Whether a proposal was taken into the final text goes back with the opinion, or a save would drop it.
    expect(opinionsUpdate(opinions)).toEqual({
      opinions: [
        { speaker_id: 4, summary: 'Đề nghị làm đường.', accepted: true },
        { speaker_id: null, speaker_name: 'Ông Trần C', summary: 'Ủng hộ', accepted: false },
      ],
    });
    expect(incompleteOpinions(opinions)).toEqual([]);
  });

  it('points at rows with a speaker or a summary missing', () => {
    const opinions = [
      { key: newKey(), speaker_id: 4, speaker_name: '', summary: '', accepted: false },
      { key: newKey(), speaker_id: null, speaker_name: '', summary: 'Không rõ ai nói', accepted: false },
      { key: newKey(), speaker_id: 5, speaker_name: '', summary: 'Đồng ý', accepted: false },
    ];

    expect(incompleteOpinions(opinions)).toEqual([1, 2]);
  });
});

describe('conclusion section', () => {
  const task: ReviewedTask = {
    id: 7,
    meeting_id: 3,
    assignee_id: null,
    assignee_name: 'Cả chi bộ',
    description: 'Ra quân vệ sinh đường làng',
    deadline: '2026-03-20',
    outcome: 'open',
    result: '',
    source_kind: 'regular',
    source_date: '2026-02-03',
  };

  it('sends no vote until a count is typed, then fills the others with 0', () => {
    const draft = conclusionDraft({ record: RECORD, tasks: [], review: [task] });
    expect(conclusionUpdate(draft).vote).toBeNull();

    draft.vote.in_favour = 18;
    draft.review[0] = { ...draft.review[0], outcome: 'partly_done', result: ' Được 2/3 tuyến ' };

    const update = conclusionUpdate(draft);
    expect(update.vote).toEqual({ in_favour: 18, against: 0, abstaining: 0 });
    expect(update.review).toEqual([{ task_id: 7, outcome: 'partly_done', result: 'Được 2/3 tuyến' }]);
  });

  it('sends new tasks for the whole cell or a member, dropping blank rows and flagging half-filled ones', () => {
    const draft = conclusionDraft({ record: RECORD, tasks: [task], review: [] });
    draft.tasks.push({ key: newKey(), assignee_id: 9, description: '  ', deadline: null });
    draft.tasks.push({ key: newKey(), assignee_id: 9, description: 'Thu đảng phí', deadline: null });

    expect(incompleteTasks(draft.tasks)).toEqual([3]);
    expect(conclusionUpdate(draft).tasks).toEqual([
      { assignee_id: null, description: 'Ra quân vệ sinh đường làng', deadline: '2026-03-20' },
      { assignee_id: 9, description: 'Thu đảng phí', deadline: '' },
    ]);
  });
});
