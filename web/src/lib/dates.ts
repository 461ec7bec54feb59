import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

// chibo's times are Vietnam's (UTC+7 all year), wherever the browser is: a committee in Hà Nội and an official
// travelling abroad read the same hour.
export const VIETNAM_TZ = 'Asia/Ho_Chi_Minh';

// The API speaks ISO `YYYY-MM-DD`; people read and type dd/mm/yyyy.
export const DATE_FORMAT = 'DD/MM/YYYY';
export const ISO_DATE = 'YYYY-MM-DD';

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})/;

// "2026-03-05" → "05/03/2026"; empty or null → "". Plain string work, so no time zone can shift the day.
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = ISO_RE.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

// "2026-03-05T01:02:03Z" → "05/03/2026 08:02", Vietnam's time.
export function formatDateTime(timestamp: string | null | undefined): string {
  if (!timestamp) return '';
  const d = dayjs(timestamp);
  return d.isValid() ? d.tz(VIETNAM_TZ).format('DD/MM/YYYY HH:mm') : timestamp;
}

// "2026-02-27" + 2 → "2026-03-01" (calendar arithmetic in UTC, so no time zone can shift the day).
export function addDays(iso: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10);
}

// ISO string → a Dayjs for a DatePicker (undefined when empty).
export function parseIsoDate(iso: string | null | undefined): Dayjs | undefined {
  if (!iso) return undefined;
  const m = ISO_RE.exec(iso);
  if (!m) return undefined;
  const d = dayjs(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.isValid() ? d : undefined;
}

// A DatePicker value → ISO string (null when empty).
export function toIsoDate(value: Dayjs | null | undefined): string | null {
  if (!value || !value.isValid()) return null;
  return value.format(ISO_DATE);
}

export function todayIso(): string {
  return dayjs().format(ISO_DATE);
}

// The years a year picker of past records offers: this one and the four before, newest first, plus `selected` if
// it is older; `ahead` years after this one too, for plans.
export function recentYears(selected: number, today: Date = new Date(), ahead = 0): number[] {
  const thisYear = today.getFullYear();
  const years = Array.from({ length: 5 + ahead }, (_, i) => thisYear + ahead - i);
  if (!years.includes(selected)) years.push(selected);
  return years.sort((a, b) => b - a);
}
