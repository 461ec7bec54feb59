import { useState } from 'react';
import { Button, DatePicker, Radio, Select, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import {
  FIRST_YEAR,
  LAST_YEAR,
  monthPeriod,
  PERIOD_KIND_LABELS,
  PERIOD_KINDS,
  periodError,
  type Period,
  type PeriodKind,
  quarterOfMonth,
  quarterPeriod,
  recentTerms,
  ROMAN_QUARTERS,
  shiftPeriod,
  switchKind,
  TERM_YEARS,
  termPeriod,
  yearPeriod,
} from './dashboard';

const MONTH_FORMAT = 'MM/YYYY';

const toDayjs = (month: string): Dayjs => dayjs(`${month}-01`);
const fromDayjs = (value: Dayjs): string => value.format('YYYY-MM');

// The years a picker offers: next year down to 2000 (what the API accepts), plus the shown one if outside.
function yearOptions(selected: number): { value: number; label: string }[] {
  const newest = Math.min(new Date().getFullYear() + 1, LAST_YEAR);
  const years: number[] = [];
  for (let y = newest; y >= FIRST_YEAR; y--) years.push(y);
  if (!years.includes(selected)) years.unshift(selected);
  return years.map((y) => ({ value: y, label: String(y) }));
}

// Tháng / Quý / Năm / Nhiệm kỳ / Khoảng tháng, each with its own controls, and ‹ › to step to the period before or
// after. Calls `onChange` with a period the API accepts; a range that is not is explained under the two months.
export default function PeriodPicker({
  kind,
  period,
  onKindChange,
  onChange,
}: {
  kind: PeriodKind;
  period: Period;
  onKindChange: (kind: PeriodKind, period: Period) => void;
  onChange: (period: Period) => void;
}) {
  // A range being typed: kept here until both ends make a period the API accepts.
  const [draft, setDraft] = useState<Period | null>(null);
  const year = Number(period.from.slice(0, 4));
  const range = draft ?? period;
  const rangeError = draft ? periodError(draft) : null;
  const step = (steps: number) => {
    const next = shiftPeriod(kind, period, steps);
    if (periodError(next) === null) onChange(next);
  };
  const setRange = (next: Period) => {
    if (periodError(next) === null) {
      setDraft(null);
      onChange(next);
    } else {
      setDraft(next);
    }
  };
  const yearSelect = (onYear: (y: number) => void) => (
    <Select<number>
      aria-label="Năm"
      className="period-year"
      data-testid="period-year"
      value={year}
      options={yearOptions(year)}
      onChange={onYear}
      showSearch
    />
  );

  return (
    <div className="period-picker" data-testid="period-picker">
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        className="period-kinds"
        aria-label="Loại kỳ"
        value={kind}
        onChange={(e) => {
          const next = e.target.value as PeriodKind;
          setDraft(null);
          onKindChange(next, switchKind(next, period));
        }}
        options={PERIOD_KINDS.map((k) => ({
          value: k,
          label: <span data-testid={`period-kind-${k}`}>{PERIOD_KIND_LABELS[k]}</span>,
        }))}
      />
      <div className="period-controls">
        {kind !== 'range' && (
          <Button
            icon={<LeftOutlined />}
            aria-label="Kỳ trước"
            data-testid="period-previous"
            onClick={() => step(-1)}
            disabled={periodError(shiftPeriod(kind, period, -1)) !== null}
          />
        )}
        {kind === 'month' && (
          <DatePicker
            picker="month"
            format={MONTH_FORMAT}
            placeholder="mm/yyyy"
            aria-label="Tháng"
            data-testid="period-month"
            allowClear={false}
            value={toDayjs(period.from)}
            onChange={(value) => value && onChange(monthPeriod(value.year(), value.month() + 1))}
          />
        )}
        {kind === 'quarter' && (
          <>
            <Radio.Group
              optionType="button"
              className="period-quarters"
              aria-label="Quý"
              value={quarterOfMonth(period.from)}
              onChange={(e) => onChange(quarterPeriod(year, e.target.value as number))}
              options={ROMAN_QUARTERS.map((label, i) => ({
                value: i + 1,
                label: <span data-testid={`period-quarter-${i + 1}`}>Quý {label}</span>,
              }))}
            />
            {yearSelect((y) => onChange(quarterPeriod(y, quarterOfMonth(period.from))))}
          </>
        )}
        {kind === 'year' && yearSelect((y) => onChange(yearPeriod(y)))}
        {kind === 'term' && (
          <Select<number>
            aria-label="Nhiệm kỳ"
            className="period-term"
            data-testid="period-term"
            value={year}
            options={recentTerms(Math.max(year, new Date().getFullYear())).map((y) => ({
              value: y,
              label: `${y}–${y + TERM_YEARS}`,
            }))}
            onChange={(y) => onChange(termPeriod(y))}
          />
        )}
        {kind === 'range' && (
          <div className="period-range">
            <label className="period-range-field">
              <span>Từ tháng</span>
              <DatePicker
                picker="month"
                format={MONTH_FORMAT}
                placeholder="mm/yyyy"
                data-testid="period-from"
                allowClear={false}
                value={toDayjs(range.from)}
                onChange={(value) => value && setRange({ from: fromDayjs(value), to: range.to })}
              />
            </label>
            <label className="period-range-field">
              <span>Đến tháng</span>
              <DatePicker
                picker="month"
                format={MONTH_FORMAT}
                placeholder="mm/yyyy"
                data-testid="period-to"
                allowClear={false}
                value={toDayjs(range.to)}
                onChange={(value) => value && setRange({ from: range.from, to: fromDayjs(value) })}
              />
            </label>
          </div>
        )}
        {kind !== 'range' && (
          <Button
            icon={<RightOutlined />}
            aria-label="Kỳ sau"
            data-testid="period-next"
            onClick={() => step(1)}
            disabled={periodError(shiftPeriod(kind, period, 1)) !== null}
          />
        )}
      </div>
      {rangeError && (
        <Typography.Text type="danger" data-testid="period-error">
          {rangeError}
        </Typography.Text>
      )}
    </div>
  );
}
