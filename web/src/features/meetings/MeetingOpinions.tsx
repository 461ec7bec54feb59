import { useState } from 'react';
import { Alert, AutoComplete, Button, Checkbox, Empty, Form, Input, Select, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { presentMemberOptions } from './MeetingRollCall';
import { nameSearch } from '../../ui/nameSearch';
import RowActions from '../../ui/RowActions';
import SectionSaveBar from '../../ui/SectionSaveBar';
import { useSave } from '../../ui/useSave';
import { incompleteOpinions, newKey, type OpinionDraft } from './meetingDraft';
import type { Attendance, Meeting } from '../../lib/types';

// The speaker choice: a member present (their id) or someone else whose name is typed (a guest).
const GUEST = -1;

// "Ý kiến": each speaker's name and opinion, in the order they spoke (the minutes list them so).
export default function MeetingOpinions({
  meeting,
  opinions,
  attendance,
  guests,
  editable,
  onChange,
  onSave,
}: {
  meeting: Meeting;
  opinions: OpinionDraft[];
  // The roll call as currently marked (saved or not): speakers who are members must be present.
  attendance: Attendance[];
  // The guests as currently listed, offered as speakers' names.
  guests: string[];
  editable: boolean;
  onChange: (opinions: OpinionDraft[]) => void;
  onSave: () => Promise<void>;
}) {
  const saving = useSave();
  const { busy, error, setError } = saving;
  // Rows switched to "someone else" before a name is typed.
  const [guestKeys, setGuestKeys] = useState<ReadonlySet<number>>(new Set());

  if (!editable) {
    if (meeting.record.opinions.length === 0) return <Empty description="Chưa ghi ý kiến phát biểu" />;
    return (
      <ol className="opinion-list" data-testid="opinions-view">
        {meeting.record.opinions.map((o, i) => (
          <li key={i}>
            <b>{o.speaker_name}</b>
            {o.speaker_id === null && <Typography.Text type="secondary"> (khách mời)</Typography.Text>}:{' '}
            <span className="pre-line">{o.summary}</span>
            {o.accepted && (
              <Tag color="green" className="opinion-accepted-tag">
                Được tiếp thu
              </Tag>
            )}
          </li>
        ))}
      </ol>
    );
  }

  const update = (key: number, patch: Partial<OpinionDraft>) =>
    onChange(opinions.map((o) => (o.key === key ? { ...o, ...patch } : o)));
  const move = (from: number, to: number) => {
    const next = [...opinions];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    onChange(next);
  };
  const guestNames = [...new Set(guests.map((g) => g.trim()).filter((g) => g !== ''))];
  const isGuest = (o: OpinionDraft) => o.speaker_id === null && (o.speaker_name.trim() !== '' || guestKeys.has(o.key));

  const save = async () => {
    const rows = incompleteOpinions(opinions);
    if (rows.length) {
      setError(`Ý kiến số ${rows.join(', ')} còn thiếu người phát biểu hoặc nội dung.`);
      return;
    }
    await saving.run(onSave);
  };

  return (
    <Form layout="vertical" component="div" data-testid="opinions-editor" className="meeting-form">
      {error && (
        <Alert type="error" showIcon role="alert" className="section" title={error} data-testid="opinions-error" />
      )}
      {attendance.every((a) => a.presence !== 'present' && a.presence !== 'late') && (
        <Alert
          type="info"
          showIcon
          className="section"
          title="Điểm danh trước để chọn người phát biểu trong số đảng viên có mặt."
        />
      )}
      {opinions.map((o, i) => {
        // "Someone else" first: at the end of a long list it would be out of sight on a phone.
        const options = [
          { value: GUEST, label: 'Khách mời, người khác (ghi tên)' },
          ...presentMemberOptions(attendance, { id: o.speaker_id, name: o.speaker_name }),
        ];
        return (
          <div key={o.key} className="opinion-card" data-testid="opinion-row">
            <div className="opinion-head">
              <b>Ý kiến {i + 1}</b>
              <RowActions
                noun="ý kiến"
                index={i}
                count={opinions.length}
                onMove={move}
                onRemove={() => onChange(opinions.filter((x) => x.key !== o.key))}
              />
            </div>
            <Form.Item label="Người phát biểu">
              <Select<number>
                value={o.speaker_id ?? (isGuest(o) ? GUEST : undefined)}
                options={options}
                showSearch={nameSearch}
                placeholder="Chọn đảng viên có mặt"
                aria-label={`Người phát biểu ý kiến ${i + 1}`}
                data-testid="opinion-speaker"
                onChange={(v) => {
                  if (v === GUEST) {
                    setGuestKeys(new Set(guestKeys).add(o.key));
                    update(o.key, { speaker_id: null, speaker_name: o.speaker_id === null ? o.speaker_name : '' });
                  } else {
                    update(o.key, { speaker_id: v, speaker_name: options.find((x) => x.value === v)?.label ?? '' });
                  }
                }}
              />
            </Form.Item>
            {isGuest(o) && (
              <Form.Item label="Tên người phát biểu">
                <AutoComplete
                  value={o.speaker_name}
                  options={guestNames.map((g) => ({ value: g }))}
                  placeholder="Họ tên, chức vụ"
                  aria-label={`Tên người phát biểu ý kiến ${i + 1}`}
                  data-testid="opinion-guest"
                  onChange={(value: string) => update(o.key, { speaker_name: value })}
                />
              </Form.Item>
            )}
            <Form.Item label="Nội dung ý kiến">
              <Input.TextArea
                value={o.summary}
                autoSize={{ minRows: 2, maxRows: 10 }}
                maxLength={4000}
                aria-label={`Nội dung ý kiến ${i + 1}`}
                data-testid="opinion-summary"
                onChange={(e) => update(o.key, { summary: e.target.value })}
              />
            </Form.Item>
            <Checkbox
              checked={o.accepted}
              data-testid="opinion-accepted"
              onChange={(e) => update(o.key, { accepted: e.target.checked })}
            >
              Được tiếp thu (đưa vào nghị quyết)
            </Checkbox>
          </div>
        );
      })}
      <Button
        type="dashed"
        block
        size="large"
        icon={<PlusOutlined />}
        className="section"
        data-testid="opinion-add"
        onClick={() =>
          onChange([...opinions, { key: newKey(), speaker_id: null, speaker_name: '', summary: '', accepted: false }])
        }
      >
        Thêm ý kiến
      </Button>
      <SectionSaveBar busy={busy} testId="opinions-save" onSave={save}>
        Lưu ý kiến phát biểu
      </SectionSaveBar>
    </Form>
  );
}
