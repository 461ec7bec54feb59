import type { ReactNode } from 'react';
import { matchesWords } from '../lib/text';

// `showSearch` of a Select of people or organisations: every word typed starts a word of the option's label, ignoring
// diacritics, as the server matches names ("dang van" finds "Đặng Văn Hùng").
export const nameSearch = {
  filterOption: (input: string, option?: { label?: ReactNode }) => matchesWords(String(option?.label ?? ''), input),
};
