import { useState } from 'react';
import { Alert, App, Button, Descriptions, Empty, Form, Input, Popconfirm, Tag, Typography } from 'antd';
import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  LockOutlined,
  PrinterOutlined,
  SendOutlined,
} from '@ant-design/icons';
import FormModal from '../../ui/FormModal';
import { api, apiUrl, errorMessage } from '../../lib/api';
import { addDays, formatDate, formatDateTime, todayIso } from '../../lib/dates';
import { finaliseMissing, recordLocked } from './meetings';
import type { Amendment, Meeting } from '../../lib/types';

type DocumentName = 'minutes' | 'resolution';
type DocumentFormat = 'docx' | 'pdf' | 'html';

export function documentUrl(meetingId: number, doc: DocumentName, format: DocumentFormat): string {
  return apiUrl(`/meetings/${meetingId}/documents/${doc}.${format}`);
}

const DOCUMENT_TITLES: Record<DocumentName, string> = { minutes: 'Biên bản', resolution: 'Nghị quyết' };

function DocumentLinks({ meeting, doc }: { meeting: Meeting; doc: DocumentName }) {
  const number = doc === 'minutes' ? meeting.minutes_number : meeting.resolution_number;
  return (
    <div className="document-links" data-testid={`document-${doc}`}>
      <div className="document-links-title">
        <b>{DOCUMENT_TITLES[doc]}</b>{' '}
        {number ? (
          <span className="document-number" data-testid={`${doc}-number`}>
            Số {number}
          </span>
        ) : (
          <Tag color="orange">Dự thảo</Tag>
        )}
      </div>
      <div className="document-links-buttons">
        <Button
          href={documentUrl(meeting.id, doc, 'docx')}
          icon={<FileWordOutlined />}
          aria-label={`${DOCUMENT_TITLES[doc]} DOCX`}
        >
          DOCX
        </Button>
        <Button
          href={documentUrl(meeting.id, doc, 'pdf')}
          icon={<FilePdfOutlined />}
          aria-label={`${DOCUMENT_TITLES[doc]} PDF`}
        >
          PDF
        </Button>
        <Button
          href={documentUrl(meeting.id, doc, 'html')}
          target="_blank"
          rel="noopener"
          icon={<PrinterOutlined />}
          aria-label={`${DOCUMENT_TITLES[doc]} bản in`}
        >
          Bản in
        </Button>
      </div>
    </div>
  );
}

function AmendmentModal({
  meeting,
  onClose,
  onSaved,
}: {
  meeting: Meeting;
  onClose: () => void;
  onSaved: (amendment: Amendment) => void;
}) {
  return (
    <FormModal<{ text: string; reason: string }>
      title="Bổ sung, đính chính biên bản"
      open
      onClose={onClose}
      okText="Ghi bổ sung"
      testId="amendment-form"
      initialValues={{ text: '', reason: '' }}
      onSubmit={async (values) => {
        const saved = await api.post<Amendment>(`/meetings/${meeting.id}/amendments`, {
          text: values.text.trim(),
          reason: values.reason.trim(),
        });
        onSaved(saved);
      }}
    >
      <Typography.Paragraph type="secondary">
        Biên bản đã hoàn thành không sửa được; nội dung bổ sung, đính chính được in kèm biên bản và nghị quyết.
      </Typography.Paragraph>
      <Form.Item
        label="Nội dung bổ sung, đính chính"
        name="text"
        rules={[{ required: true, whitespace: true, message: 'Vui lòng ghi nội dung bổ sung, đính chính.' }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} />
      </Form.Item>
      <Form.Item
        label="Lý do"
        name="reason"
        rules={[{ required: true, whitespace: true, message: 'Vui lòng ghi lý do.' }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={300} />
      </Form.Item>
    </FormModal>
  );
}

// "Biên bản & nghị quyết": the documents in the party format (drafts until finalised), finalising the minutes (which
// numbers them in the register and locks the record) and the amendments made afterwards.
export function MeetingDocuments({
  meeting,
  unsaved,
  onSaved,
  onAmended,
}: {
  meeting: Meeting;
  // Sections of the record with changes not saved yet (finalising would leave them out).
  unsaved: string[];
  onSaved: (meeting: Meeting) => void;
  onAmended: (amendment: Amendment) => void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [amending, setAmending] = useState(false);
  const missing = finaliseMissing(meeting);
  const canFinalise = meeting.can_write && meeting.state === 'held';
  const canAmend = meeting.can_write && (meeting.state === 'minutes_finalised' || meeting.state === 'reported');

  const finalise = async () => {
    setBusy(true);
    try {
      const saved = await api.post<Meeting>(`/meetings/${meeting.id}/finalise`);
      onSaved(saved);
      message.success(`Đã hoàn thành biên bản ${saved.minutes_number} và nghị quyết ${saved.resolution_number}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="meeting-documents">
      {meeting.finalised_at && (
        <Alert
          type="success"
          showIcon
          icon={<LockOutlined />}
          className="section"
          title={`Biên bản đã hoàn thành lúc ${formatDateTime(meeting.finalised_at)}; nội dung cuộc họp đã khóa.`}
        />
      )}
      {/* Members read the documents once issued; the cell's writers also print the drafts. */}
      {meeting.can_write || (recordLocked(meeting.state) && meeting.state !== 'cancelled') ? (
        <div className="document-grid section">
          <DocumentLinks meeting={meeting} doc="minutes" />
          <DocumentLinks meeting={meeting} doc="resolution" />
        </div>
      ) : (
        <Typography.Paragraph type="secondary" data-testid="documents-not-issued">
          Biên bản và nghị quyết sẽ có ở đây sau khi chi bộ hoàn thành biên bản.
        </Typography.Paragraph>
      )}

      {canFinalise && (
        <div className="section">
          {missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              className="section"
              data-testid="finalise-missing"
              title="Chưa hoàn thành biên bản được:"
              description={
                <ul className="plain-list">
                  {missing.map((m) => (
                    <li key={m}>
                      <CloseCircleOutlined /> {m}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          {unsaved.length > 0 && (
            <Alert
              type="warning"
              showIcon
              className="section"
              title={`Còn thay đổi chưa lưu ở phần: ${unsaved.join(', ')}. Lưu trước khi hoàn thành biên bản.`}
            />
          )}
          <div className="section-save">
            <Popconfirm
              title="Hoàn thành biên bản?"
              description="Biên bản và nghị quyết sẽ được cấp số và khóa lại; sau đó chỉ sửa bằng bổ sung, đính chính."
              okText="Hoàn thành"
              cancelText="Không"
              onConfirm={finalise}
              disabled={missing.length > 0 || unsaved.length > 0}
            >
              <Button
                type="primary"
                size="large"
                icon={<CheckCircleOutlined />}
                loading={busy}
                disabled={missing.length > 0 || unsaved.length > 0}
                data-testid="finalise"
              >
                Hoàn thành biên bản
              </Button>
            </Popconfirm>
          </div>
        </div>
      )}

      {recordLocked(meeting.state) && meeting.state !== 'cancelled' && (
        <>
          <Typography.Title level={5}>Bổ sung, đính chính</Typography.Title>
          {meeting.amendments.length === 0 ? (
            <Empty description="Chưa có bổ sung, đính chính" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <ol className="task-list" data-testid="amendments">
              {meeting.amendments.map((a) => (
                <li key={a.id}>
                  <div className="pre-line">{a.text}</div>
                  <Typography.Text type="secondary">
                    Lý do: {a.reason} · {a.created_by}, {formatDateTime(a.created_at)}
                  </Typography.Text>
                </li>
              ))}
            </ol>
          )}
          {canAmend && (
            <Button size="large" data-testid="amend" onClick={() => setAmending(true)}>
              Bổ sung, đính chính
            </Button>
          )}
        </>
      )}
      {amending && (
        <AmendmentModal
          meeting={meeting}
          onClose={() => setAmending(false)}
          onSaved={(a) => {
            message.success('Đã ghi bổ sung, đính chính');
            onAmended(a);
          }}
        />
      )}
    </div>
  );
}

// "Báo cáo cấp trên": the finalised documents go to the superior within 2 days of the meeting (HD 42).
export function MeetingReport({ meeting, onSaved }: { meeting: Meeting; onSaved: (meeting: Meeting) => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const canReport = meeting.can_write && meeting.state === 'minutes_finalised';
  const late = meeting.report_late || meeting.warnings.some((w) => w.code === 'report_late');
  const due = addDays(meeting.date, 2);
  const overdue =
    !meeting.reported_at && (meeting.state === 'held' || meeting.state === 'minutes_finalised') && todayIso() > due;

  const report = async () => {
    setBusy(true);
    try {
      const saved = await api.post<Meeting>(`/meetings/${meeting.id}/report`);
      onSaved(saved);
      message.success('Đã báo cáo cấp trên');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="meeting-report">
      {overdue && (
        <Alert
          type="warning"
          showIcon
          className="section"
          title={`Đã quá hạn báo cáo cấp trên (hạn ${formatDate(due)}).`}
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={1}
        className="section"
        items={[
          { key: 'due', label: 'Hạn báo cáo', children: `${formatDate(due)} (2 ngày sau cuộc họp)` },
          {
            key: 'at',
            label: 'Đã báo cáo lúc',
            children: (
              <span data-testid="reported-at">
                {formatDateTime(meeting.reported_at) || 'Chưa báo cáo'}{' '}
                {late && (
                  <Tag color="red" data-testid="report-late">
                    Báo cáo chậm
                  </Tag>
                )}
              </span>
            ),
          },
        ]}
      />
      {meeting.state === 'held' && (
        <Typography.Paragraph type="secondary">Hoàn thành biên bản trước khi báo cáo cấp trên.</Typography.Paragraph>
      )}
      {canReport && (
        <div className="section-save">
          <Popconfirm
            title="Báo cáo cấp trên?"
            description="Gửi biên bản và nghị quyết đã hoàn thành lên cấp ủy cấp trên."
            okText="Báo cáo"
            cancelText="Không"
            onConfirm={report}
          >
            <Button type="primary" size="large" icon={<SendOutlined />} loading={busy} data-testid="report">
              Báo cáo cấp trên
            </Button>
          </Popconfirm>
        </div>
      )}
    </div>
  );
}
