import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesWords } from './text';

describe('foldVietnamese', () => {
  it('removes marks and folds Đ', () => {
    expect(foldVietnamese('Đặng Văn Hùng')).toBe('dang van hung');
    expect(foldVietnamese('Chi bộ Thôn Đồng Tâm')).toBe('chi bo thon dong tam');
  });
});

describe('matchesWords', () => {
  it('matches typed words at the start of words, without diacritics', () => {
    expect(matchesWords('Chi bộ Thôn Đông', 'thon dong')).toBe(true);
    expect(matchesWords('Chi bộ Thôn Đông', 'dong')).toBe(true);
    expect(matchesWords('Chi bộ Thôn Đoài', 'thon dong')).toBe(false);
  });
});
