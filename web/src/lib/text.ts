// Folds Vietnamese text for matching typed searches: "Đặng Văn" → "dang van".
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// True when every typed word starts a word of the text, diacritics ignored (as the server matches names).
export function matchesWords(text: string, query: string): boolean {
  const words = foldVietnamese(text).split(' ');
  const typed = foldVietnamese(query);
  if (!typed) return true;
  if (foldVietnamese(text).includes(typed)) return true;
  return typed.split(' ').every((t) => words.some((w) => w.startsWith(t)));
}
