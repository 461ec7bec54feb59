import type { CSSProperties } from 'react';
import { Alert, Button, Result } from 'antd';
import { ApiError, errorMessage } from '../lib/api';

interface LoadFailureProps {
  error: unknown;
  // What failed to load, as the titles name it: "tổ chức", "đảng viên", "cuộc họp".
  what: string;
  // Why it may be missing, shown for a 404 (and a 403 when `forbiddenIsMissing`).
  missingText: string;
  // A 403 reads as "not found" too, for things a person may not see yet (an unannounced meeting).
  forbiddenIsMissing?: boolean;
  // The way out: a button's text and what it does.
  back: { label: string; onClick: () => void };
}

// The whole-page block shown when a page's main record cannot be loaded: "not found" (outside one's scope reads the
// same, so nothing leaks) or the server's message.
export default function LoadFailure({ error, what, missingText, forbiddenIsMissing, back }: LoadFailureProps) {
  const missing =
    error instanceof ApiError && (error.status === 404 || (forbiddenIsMissing === true && error.status === 403));
  return (
    <Result
      status={missing ? '404' : 'error'}
      title={missing ? `Không tìm thấy ${what}` : `Không tải được ${what}`}
      subTitle={missing ? missingText : errorMessage(error)}
      extra={<Button onClick={back.onClick}>{back.label}</Button>}
    />
  );
}

// The inline block shown where a list or a card could not be loaded: the server's message.
export function LoadError({
  error,
  className,
  style,
  testId,
}: {
  error: unknown;
  className?: string;
  style?: CSSProperties;
  testId?: string;
}) {
  return (
    <Alert type="error" showIcon className={className} style={style} title={errorMessage(error)} data-testid={testId} />
  );
}
