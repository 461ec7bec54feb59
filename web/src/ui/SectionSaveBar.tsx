import type { ReactNode } from 'react';
import { Button } from 'antd';
import { SaveOutlined } from '@ant-design/icons';

interface SectionSaveBarProps {
  // The button's text: "Lưu điểm danh".
  children: ReactNode;
  busy: boolean;
  testId: string;
  // Saves the section; omitted when the button submits the surrounding antd Form.
  onSave?: () => void;
}

// The bar under a section of a long page (a meeting's roll call, opinions, conclusion, score) with its one save
// button: full width on a phone, kept in view at the bottom while the section is on screen (styles.css
// `.section-save`).
export default function SectionSaveBar({ children, busy, testId, onSave }: SectionSaveBarProps) {
  return (
    <div className="section-save">
      <Button
        type="primary"
        htmlType={onSave ? 'button' : 'submit'}
        size="large"
        icon={<SaveOutlined />}
        loading={busy}
        data-testid={testId}
        onClick={onSave}
      >
        {children}
      </Button>
    </div>
  );
}
