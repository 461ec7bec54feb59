import { describe, expect, it } from 'vitest';
import { actorText, changedRows, diffRows, subjectText } from './diff';

describe('diffRows', () => {
  it('lists the keys of both sides and marks the changed ones', () => {
    const rows = diffRows({ full_name: 'A', phone: '0912345678' }, { full_name: 'A', phone: '0987654321', note: 'x' });
    expect(rows.map((r) => [r.key, r.changed])).toEqual([
      ['full_name', false],
      ['phone', true],
      ['note', true],
    ]);
  });

  it('shows ISO dates as dd/mm/yyyy and a missing side as empty', () => {
    const rows = diffRows(null, { date: '2026-03-05' });
    expect(rows).toEqual([{ key: 'date', before: '', after: '05/03/2026', changed: true }]);
  });
});

describe('changedRows', () => {
  it('keeps only what an update changed, everything a creation recorded', () => {
    const before = { full_name: 'A', phone: '0912345678', sex: 'male' };
    const after = { full_name: 'A', phone: '0987654321', sex: 'male' };
    expect(changedRows(before, after).map((r) => r.key)).toEqual(['phone']);
    expect(changedRows(null, after).map((r) => r.key)).toEqual(['full_name', 'phone', 'sex']);
  });
});

describe('who and what', () => {
  it('names the account and the organisation, not their ids', () => {
    expect(actorText({ username: 'xa.hoaan', user_display_name: 'Văn phòng Đảng ủy xã Hòa An' })).toBe(
      'Văn phòng Đảng ủy xã Hòa An',
    );
    expect(actorText({ username: 'xa.hoaan', user_display_name: '' })).toBe('xa.hoaan');
    expect(actorText({ username: '', user_display_name: '' })).toBe('—');
    expect(subjectText('Cuộc họp', 'Chi bộ Thôn Đông')).toBe('Cuộc họp — Chi bộ Thôn Đông');
    expect(subjectText('Người dùng', null)).toBe('Người dùng');
  });
});
