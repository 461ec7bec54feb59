import { describe, expect, it } from 'vitest';
import { diffRows } from './diff';

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
