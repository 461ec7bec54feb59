import { useState } from 'react';
import { App, Button, Popconfirm, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { api, apiUrl, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { formatFileSize } from './meetings';
import type { MeetingAttachment } from '../../lib/types';

// The server refuses larger files; saying so before sending spares a long upload on a phone.
const MAX_BYTES = 20 * 1024 * 1024;

export function attachmentUrl(meetingId: number, attachmentId: number): string {
  return apiUrl(`/meetings/${meetingId}/attachments/${attachmentId}`);
}

// The documents of a meeting (draft resolution, reports from above…): each downloadable by those who may read
// the meeting; writers upload and, before the meeting is held, delete.
export default function MeetingAttachments({
  meetingId,
  attachments,
  canUpload,
  canDelete,
  onAdded,
  onRemoved,
}: {
  meetingId: number;
  attachments: MeetingAttachment[];
  canUpload: boolean;
  canDelete: boolean;
  onAdded?: (attachment: MeetingAttachment) => void;
  onRemoved?: (attachmentId: number) => void;
}) {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(0);
  const [deleting, setDeleting] = useState<number | null>(null);

  const send = async (file: File) => {
    if (file.size === 0) {
      message.error(`Tệp "${file.name}" rỗng, không tải lên được.`);
      return;
    }
    if (file.size > MAX_BYTES) {
      message.error(`Tệp "${file.name}" lớn hơn 20 MB, không tải lên được.`);
      return;
    }
    setUploading((n) => n + 1);
    try {
      const saved = await api.upload<MeetingAttachment>(`/meetings/${meetingId}/attachments`, file, {
        file_name: file.name,
      });
      onAdded?.(saved);
      message.success(`Đã tải lên ${saved.file_name}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setUploading((n) => n - 1);
    }
  };

  const remove = async (a: MeetingAttachment) => {
    setDeleting(a.id);
    try {
      await api.del(`/meetings/${meetingId}/attachments/${a.id}`);
      onRemoved?.(a.id);
      message.success(`Đã xóa ${a.file_name}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDeleting(null);
    }
  };

  return (
    <div data-testid="meeting-attachments">
      {attachments.length === 0 ? (
        <Typography.Paragraph type="secondary">Chưa có tài liệu nào.</Typography.Paragraph>
      ) : (
        <ul className="attachment-list">
          {attachments.map((a) => (
            <li key={a.id} className="attachment-row" data-testid="attachment-row">
              <a href={attachmentUrl(meetingId, a.id)} className="attachment-name" download={a.file_name}>
                <PaperClipOutlined /> {a.file_name}
              </a>
              <Typography.Text type="secondary" className="attachment-meta">
                {formatFileSize(a.size)} · {formatDateTime(a.uploaded_at)}
              </Typography.Text>
              <span className="attachment-actions">
                <Button
                  href={attachmentUrl(meetingId, a.id)}
                  icon={<DownloadOutlined />}
                  aria-label={`Tải về ${a.file_name}`}
                >
                  Tải về
                </Button>
                {canDelete && (
                  <Popconfirm
                    title={`Xóa tài liệu "${a.file_name}"?`}
                    okText="Xóa"
                    cancelText="Không"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove(a)}
                  >
                    <Button
                      danger
                      icon={<DeleteOutlined />}
                      loading={deleting === a.id}
                      aria-label={`Xóa ${a.file_name}`}
                      data-testid="attachment-delete"
                    />
                  </Popconfirm>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canUpload && (
        <Upload
          multiple
          showUploadList={false}
          customRequest={({ file }) => {
            if (file instanceof File) void send(file);
          }}
        >
          <Button size="large" icon={<UploadOutlined />} loading={uploading > 0} data-testid="attachment-upload">
            Tải tài liệu lên
          </Button>
        </Upload>
      )}
    </div>
  );
}
