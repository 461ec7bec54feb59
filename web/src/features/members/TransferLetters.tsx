import { useState } from 'react';
import { App, Button, Card, Form, Input, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, FileAddOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import DateInput from '../../ui/DateInput';
import FormModal from '../../ui/FormModal';
import { api, errorMessage } from '../../lib/api';
import { parseIsoDate, todayIso } from '../../lib/dates';
import { ON_ROLL_STATUSES } from '../../lib/labels';
import type { Member, TransferLetter } from '../../lib/types';
import {
  LETTER_STATE_COLORS,
  LETTER_STATE_LABELS,
  letterDatesError,
  letterInput,
  letterPeriod,
  letterState,
  type LetterValues,
} from './transferLetters';

// Records a new letter for `member`, or changes `letter`. A 400 (or the 409 of an overlap) naming a field is shown
// under that field.
function TransferLetterFormModal({
  member,
  letter,
  onClose,
  onSaved,
}: {
  member: Member;
  letter?: TransferLetter;
  onClose: () => void;
  onSaved: () => void;
}) {
  const initialValues: Partial<LetterValues> = letter
    ? {
        number: letter.number,
        host: letter.host,
        from: parseIsoDate(letter.from),
        to: parseIsoDate(letter.to),
        note: letter.note,
      }
    : { from: dayjs() };
  return (
    <FormModal<LetterValues>
      title={letter ? `Sửa giấy giới thiệu số ${letter.number}` : `Cấp giấy giới thiệu: ${member.full_name}`}
      open
      onClose={onClose}
      okText={letter ? 'Lưu' : 'Cấp giấy giới thiệu'}
      testId="transfer-letter-form"
      initialValues={initialValues}
      errorField={(e) => (e.status === 400 || e.status === 409 ? e.field : null)}
      onSubmit={async (values) => {
        const body = letterInput(values);
        if (letter) await api.put<TransferLetter>(`/members/${member.id}/transfer-letters/${letter.id}`, body);
        else await api.post<TransferLetter>(`/members/${member.id}/transfer-letters`, body);
        onSaved();
      }}
    >
      <Form.Item
        label="Số giấy giới thiệu"
        name="number"
        rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập số giấy giới thiệu' }]}
      >
        <Input maxLength={50} autoComplete="off" placeholder="Ví dụ: 15-GGT/ĐU" />
      </Form.Item>
      <Form.Item
        label="Nơi đến sinh hoạt tạm thời"
        name="host"
        rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập nơi đến sinh hoạt' }]}
      >
        <Input maxLength={200} placeholder="Ví dụ: Chi bộ Khu phố 3, phường Tân Định" />
      </Form.Item>
      <div className="rule-form-pair">
        <Form.Item label="Từ ngày" name="from" rules={[{ required: true, message: 'Vui lòng chọn ngày bắt đầu' }]}>
          <DateInput />
        </Form.Item>
        <Form.Item
          label="Đến ngày"
          name="to"
          dependencies={['from']}
          extra="Ngày cuối giấy còn hiệu lực."
          rules={[
            { required: true, message: 'Vui lòng chọn ngày kết thúc' },
            ({ getFieldValue }) => ({
              validator: (_, value) => {
                const problem = letterDatesError(getFieldValue('from'), value);
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            }),
          ]}
        >
          <DateInput />
        </Form.Item>
      </div>
      <Form.Item label="Ghi chú" name="note">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Typography.Paragraph type="secondary">
        Trong thời gian giấy còn hiệu lực, đồng chí sinh hoạt ở nơi đến; chi bộ ghi đồng chí là "giới thiệu sinh hoạt
        tạm thời đi nơi khác", không tính vào số phải có mặt.
      </Typography.Paragraph>
    </FormModal>
  );
}

// "Giấy giới thiệu sinh hoạt tạm thời" on the member page: the member's letters, newest first; those who write the
// member record issue, correct and delete them. `onChanged` reloads the member.
export default function TransferLetters({ member, onChanged }: { member: Member; onChanged: () => void }) {
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<TransferLetter | 'new' | null>(null);
  const letters = member.transfer_letters;
  const today = todayIso();
  // The cell where the member belongs issues letters: not for one off the roll, nor for one here on a letter.
  const canIssue = member.can_write && ON_ROLL_STATUSES.includes(member.status) && member.status !== 'temporary';

  const remove = async (letter: TransferLetter) => {
    const confirmed = await modal.confirm({
      title: `Xóa giấy giới thiệu số ${letter.number}?`,
      content: (
        <div data-testid="transfer-letter-delete-confirm">
          Chỉ xóa giấy ghi nhầm. Khi đồng chí về lại chi bộ sớm hơn dự kiến, hãy bấm "Sửa" và đổi ngày đến.
        </div>
      ),
      okText: 'Xóa',
      cancelText: 'Không',
      okButtonProps: { danger: true, size: 'large' },
      cancelButtonProps: { size: 'large' },
    });
    if (!confirmed) return;
    try {
      await api.del(`/members/${member.id}/transfer-letters/${letter.id}`);
      message.success(`Đã xóa giấy giới thiệu số ${letter.number}`);
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Card title="Giấy giới thiệu sinh hoạt tạm thời" className="section" size="small" data-testid="transfer-letters">
      {letters.length === 0 ? (
        <Typography.Paragraph type="secondary">Chưa có giấy giới thiệu nào.</Typography.Paragraph>
      ) : (
        <ul className="letter-list">
          {letters.map((letter) => {
            const state = letterState(letter, today);
            return (
              <li key={letter.id} className="letter-row" data-testid="transfer-letter" data-state={state}>
                <div className="letter-head">
                  <b data-testid="transfer-letter-number">Số {letter.number}</b>{' '}
                  <Tag color={LETTER_STATE_COLORS[state]} data-testid="transfer-letter-state">
                    {LETTER_STATE_LABELS[state]}
                  </Tag>
                </div>
                <div data-testid="transfer-letter-host">Nơi đến: {letter.host}</div>
                <div data-testid="transfer-letter-period">{letterPeriod(letter)}</div>
                {letter.organization_id !== member.organization_id && (
                  <Typography.Text type="secondary">Chi bộ giới thiệu đi: {letter.organization_name}</Typography.Text>
                )}
                {letter.note && (
                  <div className="pre-line letter-note" data-testid="transfer-letter-note">
                    {letter.note}
                  </div>
                )}
                {member.can_write && (
                  <div className="letter-actions">
                    <Button
                      icon={<EditOutlined />}
                      aria-label={`Sửa giấy giới thiệu số ${letter.number}`}
                      data-testid="transfer-letter-edit"
                      onClick={() => setEditing(letter)}
                    >
                      Sửa
                    </Button>
                    <Button
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`Xóa giấy giới thiệu số ${letter.number}`}
                      data-testid="transfer-letter-delete"
                      onClick={() => void remove(letter)}
                    >
                      Xóa
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canIssue && (
        <Button
          size="large"
          icon={<FileAddOutlined />}
          data-testid="transfer-letter-add"
          onClick={() => setEditing('new')}
        >
          Cấp giấy giới thiệu
        </Button>
      )}
      {editing !== null && (
        <TransferLetterFormModal
          member={member}
          letter={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            message.success(editing === 'new' ? 'Đã ghi giấy giới thiệu' : 'Đã lưu giấy giới thiệu');
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
