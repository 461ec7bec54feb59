import { Typography } from 'antd';
import { absentInText } from '../lib/absences';

// Under a flagged member's count: where their unexcused absences happened, when in more than one cell.
export default function AbsentIn({ where, testId }: { where: { organization_name: string; unexcused: number }[]; testId: string }) {
  const text = absentInText(where);
  if (!text) return null;
  return (
    <div className="absent-in" data-testid={testId}>
      <Typography.Text type="secondary">{text}</Typography.Text>
    </div>
  );
}
