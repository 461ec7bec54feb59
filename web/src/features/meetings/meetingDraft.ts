// The editable parts of a meeting's record as the meeting page holds them between saves, and the bodies of
// `PUT /meetings/{id}/record` they become. Each section (roll call, opinions, conclusion) is saved on its own:
// the server keeps the sections a request leaves out.
import type {
  Attendance,
  Meeting,
  MeetingRecord,
  Opinion,
  RecordUpdate,
  ResolutionTask,
  ReviewedTask,
  TaskOutcome,
  VoteScope,
} from '../../lib/types';

let lastKey = 0;
// A key for a row added on this page (list rows are reordered and removed, so the index will not do).
export function newKey(): number {
  lastKey += 1;
  return lastKey;
}

export interface RollDraft {
  // Whole entries: the name and status at the meeting are shown next to the choice.
  attendance: Attendance[];
  guests: string[];
  superior_attended: boolean;
  // The superior official recorded as attending, one of the record's `superior_candidates` (null: nobody named).
  superior_attendant_id: number | null;
  // "HH:MM" or "" when not recorded.
  started_at: string;
  ended_at: string;
  chair_id: number | null;
  minute_taker_id: number | null;
}

export function rollDraft(record: MeetingRecord, roll: Attendance[]): RollDraft {
  return {
    attendance: roll.map((a) => ({ ...a, reason: a.reason ?? '' })),
    guests: [...record.guests],
    superior_attended: record.superior_attended,
    superior_attendant_id: record.superior_attendant?.id ?? null,
    started_at: record.started_at ?? '',
    ended_at: record.ended_at ?? '',
    chair_id: record.chair_id,
    minute_taker_id: record.minute_taker_id,
  };
}

// Only an excused absence carries its reason (a reason typed before switching to another choice is dropped).
export function rollUpdate(d: RollDraft): RecordUpdate {
  return {
    attendance: d.attendance.map((a) => ({
      member_id: a.member_id,
      presence: a.presence,
      reason: a.presence === 'excused' ? a.reason.trim() : '',
    })),
    guests: d.guests.map((g) => g.trim()).filter((g) => g !== ''),
    superior_attended: d.superior_attended || d.superior_attendant_id !== null,
    superior_attendant_id: d.superior_attendant_id,
    started_at: d.started_at.trim() || null,
    ended_at: d.ended_at.trim() || null,
    chair_id: d.chair_id,
    minute_taker_id: d.minute_taker_id,
  };
}

// Excused absences typed without a reason: their member names (the server refuses them too).
export function missingReasons(d: RollDraft): string[] {
  return d.attendance.filter((a) => a.presence === 'excused' && !a.reason.trim()).map((a) => a.member_name);
}

export interface OpinionDraft extends Opinion {
  key: number;
}

export function opinionsDraft(record: MeetingRecord): OpinionDraft[] {
  return record.opinions.map((o) => ({ ...o, key: newKey() }));
}

// Rows left entirely blank are dropped; a guest speaks under the name typed, a member under their id.
export function opinionsUpdate(opinions: OpinionDraft[]): RecordUpdate {
  return {
    opinions: opinions
      .filter((o) => o.speaker_id !== null || o.speaker_name.trim() || o.summary.trim())
      .map((o) =>
        o.speaker_id !== null
          ? { speaker_id: o.speaker_id, summary: o.summary.trim(), accepted: o.accepted }
          : { speaker_id: null, speaker_name: o.speaker_name.trim(), summary: o.summary.trim(), accepted: o.accepted },
      ),
  };
}

// The row numbers (from 1) of opinions with a speaker or a summary missing.
export function incompleteOpinions(opinions: OpinionDraft[]): number[] {
  const rows: number[] = [];
  opinions.forEach((o, i) => {
    const blank = o.speaker_id === null && !o.speaker_name.trim() && !o.summary.trim();
    if (blank) return;
    if ((o.speaker_id === null && !o.speaker_name.trim()) || !o.summary.trim()) rows.push(i + 1);
  });
  return rows;
}

export interface ReviewDraft {
  task: ResolutionTask & Partial<Pick<ReviewedTask, 'source_kind' | 'source_date'>>;
  outcome: TaskOutcome;
  result: string;
}

export interface TaskDraft {
  key: number;
  // null: the whole cell.
  assignee_id: number | null;
  description: string;
  // ISO date or null while not chosen.
  deadline: string | null;
}

export interface ConclusionDraft {
  review: ReviewDraft[];
  conclusion: string;
  resolution: string;
  tasks: TaskDraft[];
  // Each count null while not typed.
  vote: { in_favour: number | null; against: number | null; abstaining: number | null };
  vote_scope: VoteScope;
}

export function conclusionDraft(m: Pick<Meeting, 'record' | 'tasks' | 'review'>): ConclusionDraft {
  const vote = m.record.vote;
  return {
    review: m.review.map((task) => ({ task, outcome: task.outcome, result: task.result })),
    conclusion: m.record.conclusion,
    resolution: m.record.resolution,
    tasks: m.tasks.map((t) => ({
      key: newKey(),
      assignee_id: t.assignee_id,
      description: t.description,
      deadline: t.deadline || null,
    })),
    vote: vote
      ? { in_favour: vote.in_favour, against: vote.against, abstaining: vote.abstaining }
      : { in_favour: null, against: null, abstaining: null },
    vote_scope: m.record.vote_scope,
  };
}

// No count typed: no vote yet (null); otherwise the counts left empty are 0.
export function conclusionUpdate(d: ConclusionDraft): RecordUpdate {
  const { in_favour, against, abstaining } = d.vote;
  const voted = in_favour !== null || against !== null || abstaining !== null;
  return {
    review: d.review.map((r) => ({ task_id: r.task.id, outcome: r.outcome, result: r.result.trim() })),
    conclusion: d.conclusion.trim(),
    resolution: d.resolution.trim(),
    tasks: d.tasks
      .filter((t) => t.description.trim() || t.deadline)
      .map((t) => ({ assignee_id: t.assignee_id, description: t.description.trim(), deadline: t.deadline ?? '' })),
    vote: voted ? { in_favour: in_favour ?? 0, against: against ?? 0, abstaining: abstaining ?? 0 } : null,
    vote_scope: d.vote_scope,
  };
}

// The row numbers (from 1) of new tasks with the description or the deadline missing.
export function incompleteTasks(tasks: TaskDraft[]): number[] {
  const rows: number[] = [];
  tasks.forEach((t, i) => {
    const blank = !t.description.trim() && !t.deadline;
    if (!blank && (!t.description.trim() || !t.deadline)) rows.push(i + 1);
  });
  return rows;
}

// Whether a draft differs from what was loaded or last saved.
export function changed<T>(draft: T, saved: T): boolean {
  return JSON.stringify(draft) !== JSON.stringify(saved);
}
