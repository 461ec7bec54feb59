import { Button } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';

interface RowActionsProps {
  // What a row is, as the buttons' accessible names say it: "nội dung" gives "Xóa nội dung 2".
  noun: string;
  index: number;
  count: number;
  // Moves a row from one position to another; without it the row has no up/down buttons.
  onMove?: (from: number, to: number) => void;
  onRemove: () => void;
}

// The buttons at the end of a row of an editable list (agenda items, guests, opinions, tasks): up, down, delete.
export default function RowActions({ noun, index, count, onMove, onRemove }: RowActionsProps) {
  const n = index + 1;
  return (
    <span className="list-row-actions">
      {onMove && (
        <>
          <Button
            icon={<ArrowUpOutlined />}
            aria-label={`Đưa ${noun} ${n} lên`}
            disabled={index === 0}
            onClick={() => onMove(index, index - 1)}
          />
          <Button
            icon={<ArrowDownOutlined />}
            aria-label={`Đưa ${noun} ${n} xuống`}
            disabled={index === count - 1}
            onClick={() => onMove(index, index + 1)}
          />
        </>
      )}
      <Button danger icon={<DeleteOutlined />} aria-label={`Xóa ${noun} ${n}`} onClick={onRemove} />
    </span>
  );
}
