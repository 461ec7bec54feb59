import { Select } from 'antd';
import { recentYears } from '../lib/dates';

// "Năm 2026" among the recent years (and the one shown, if older), large enough for a finger.
export default function YearSelect({
  value,
  onChange,
  testId,
  width = 150,
  ahead = 0,
}: {
  value: number;
  onChange: (year: number) => void;
  testId: string;
  width?: number;
  // Years after this one offered too (plans look ahead).
  ahead?: number;
}) {
  return (
    <Select<number>
      size="large"
      aria-label="Năm"
      value={value}
      onChange={onChange}
      options={recentYears(value, new Date(), ahead).map((y) => ({ value: y, label: `Năm ${y}` }))}
      data-testid={testId}
      style={{ width }}
    />
  );
}
