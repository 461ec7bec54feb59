import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { parseIsoDate } from '../../lib/dates';
import {
  LETTER_STATE_LABELS,
  letterDatesError,
  letterInput,
  letterPeriod,
  letterState,
  runningLetter,
} from './transferLetters';

describe('letterPeriod', () => {
  it('reads "từ … đến …" with both days as dd/mm/yyyy', () => {
    expect(letterPeriod({ from: '2026-03-01', to: '2026-12-31' })).toBe('từ 01/03/2026 đến 31/12/2026');
  });
});

describe('letterState', () => {
  const TODAY = '2026-06-15';

  it.each([
    [{ from: '2026-03-01', running: true }, 'running', 'Đang hiệu lực'],
    [{ from: '2026-07-01', running: false }, 'upcoming', 'Chưa đến ngày'],
    [{ from: '2025-01-01', running: false }, 'ended', 'Đã hết hạn'],
  ] as const)('%o → %s', (letter, state, label) => {
    expect(letterState(letter, TODAY)).toBe(state);
    expect(LETTER_STATE_LABELS[letterState(letter, TODAY)]).toBe(label);
  });

  it('trusts the server on whether a letter runs today (its clock decides the roll call)', () => {
    expect(letterState({ from: '2026-06-16', running: true }, TODAY)).toBe('running');
  });
});

describe('runningLetter', () => {
  it('finds the letter running today, if any', () => {
    const letters = [
      { id: 3, running: false },
      { id: 2, running: true },
      { id: 1, running: false },
    ];

    expect(runningLetter(letters)?.id).toBe(2);
    expect(runningLetter(letters.filter((l) => !l.running))).toBeUndefined();
  });
});

describe('letterInput', () => {
  it('sends the texts trimmed and the dates as ISO', () => {
    const input = letterInput({
      number: '  15-GGT/ĐU ',
      host: ' Chi bộ Khu phố 3,   phường Tân Định ',
      from: parseIsoDate('2026-03-01')!,
      to: parseIsoDate('2026-12-31')!,
      note: '  Đi làm ở TP. Hồ Chí Minh\n',
    });

    expect(input).toEqual({
      number: '15-GGT/ĐU',
      host: 'Chi bộ Khu phố 3, phường Tân Định',
      from: '2026-03-01',
      to: '2026-12-31',
      note: 'Đi làm ở TP. Hồ Chí Minh',
    });
  });

  it('sends an empty note when none was typed', () => {
    const day = parseIsoDate('2026-03-01')!;

    expect(letterInput({ number: '1', host: 'Chi bộ A', from: day, to: day }).note).toBe('');
  });
});

describe('letterDatesError', () => {
  it('refuses a last day before the first, and accepts a letter of one day', () => {
    const day = dayjs(new Date(2026, 2, 10));

    expect(letterDatesError(day, day.subtract(1, 'day'))).toBe('Ngày đến không được trước ngày từ.');
    expect(letterDatesError(day, day)).toBeNull();
    expect(letterDatesError(day, day.add(1, 'year'))).toBeNull();
  });

  it('leaves a missing date to the required-field message', () => {
    expect(letterDatesError(undefined, dayjs())).toBeNull();
    expect(letterDatesError(dayjs(), null)).toBeNull();
  });
});
