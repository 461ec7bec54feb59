import { DatePicker } from 'antd';
import type { DatePickerProps } from 'antd';
import { DATE_FORMAT } from '../lib/dates';

// A date field typed or picked as dd/mm/yyyy. Enter confirms the typed date without submitting the form
// (people type the date and press Enter to check it).
export default function DateInput(props: DatePickerProps) {
  return (
    <DatePicker
      format={DATE_FORMAT}
      placeholder="dd/mm/yyyy"
      style={{ width: '100%' }}
      {...props}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.preventDefault();
      }}
    />
  );
}
