import { Tag } from 'antd';
import { GRADE_LEVEL_COLORS, GRADE_LEVEL_LABELS } from './grading';
import type { GradeLevel } from '../../lib/types';

// The level of a grading (Quy định 366) as a coloured tag with its full name.
export default function GradeLevelTag({ level, testId }: { level: GradeLevel; testId?: string }) {
  return (
    <Tag color={GRADE_LEVEL_COLORS[level] ?? 'default'} className="grade-level-tag" data-testid={testId}>
      {GRADE_LEVEL_LABELS[level] ?? level}
    </Tag>
  );
}
