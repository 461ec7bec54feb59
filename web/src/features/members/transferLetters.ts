// Temporary transfer letters (giấy giới thiệu sinh hoạt đảng tạm thời): while one runs, the member attends the host
// organisation and the home cell does not expect them at its meetings.
import type { Dayjs } from 'dayjs';
import { formatDate, toIsoDate } from '../../lib/dates';
import type { TransferLetter, TransferLetterInput } from '../../lib/types';

// "từ 01/03/2026 đến 31/12/2026" (both days included).
export function letterPeriod(letter: Pick<TransferLetter, 'from' | 'to'>): string {
  return `từ ${formatDate(letter.from)} đến ${formatDate(letter.to)}`;
}

export type LetterState = 'running' | 'upcoming' | 'ended';

// Whether a letter runs today (as the server says), starts later, or is over. `today` is an ISO date.
export function letterState(letter: Pick<TransferLetter, 'from' | 'running'>, today: string): LetterState {
  if (letter.running) return 'running';
  return letter.from > today ? 'upcoming' : 'ended';
}

export const LETTER_STATE_LABELS: Record<LetterState, string> = {
  running: 'Đang hiệu lực',
  upcoming: 'Chưa đến ngày',
  ended: 'Đã hết hạn',
};

export const LETTER_STATE_COLORS: Record<LetterState, string> = {
  running: 'green',
  upcoming: 'blue',
  ended: 'default',
};

// The letter running today, if any (letters of one member never overlap).
export function runningLetter<T extends Pick<TransferLetter, 'running'>>(letters: readonly T[]): T | undefined {
  return letters.find((l) => l.running);
}

export interface LetterValues {
  number: string;
  host: string;
  from: Dayjs;
  to: Dayjs;
  note?: string;
}

// The form's values as the API takes them: texts trimmed (inner runs of spaces in the number and the host made one),
// dates ISO.
export function letterInput(values: LetterValues): TransferLetterInput {
  const oneLine = (text: string) => text.trim().replace(/\s+/g, ' ');
  return {
    number: oneLine(values.number),
    host: oneLine(values.host),
    from: toIsoDate(values.from) ?? '',
    to: toIsoDate(values.to) ?? '',
    note: values.note?.trim() ?? '',
  };
}

// The form's check of the two dates, before the server's: the last day may not come before the first.
export function letterDatesError(from: Dayjs | null | undefined, to: Dayjs | null | undefined): string | null {
  const first = toIsoDate(from);
  const last = toIsoDate(to);
  if (first && last && last < first) return 'Ngày đến không được trước ngày từ.';
  return null;
}
