import { useState } from 'react';
import { App, Button, Typography, Upload } from 'antd';
import { DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { api, apiUrl, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import type { TopicFile } from '../../lib/api.gen';
import { formatFileSize } from '../meetings/meetings';

// The server refuses larger files; saying so before sending spares a long upload on a phone.
const MAX_BYTES = 20 * 1024 * 1024;

export function orientationFileUrl(orientationId: number, fileId: number): string {
  return apiUrl(`/topic-orientations/${orientationId}/files/${fileId}`);
}

export function topicFileUrl(topicId: number, fileId: number): string {
  return apiUrl(`/topics/${topicId}/files/${fileId}`);
}

// Files of an orientation (the directive, guidance) or a topic's drafts uploaded as files: each one a
// download; with `uploadPath`, a button that sends one more (the server checks the name and size again).
export default function TopicFiles<T>({
  files,
  urlOf,
  label,
  uploadPath,
  uploadLabel,
  onUploaded,
  testId,
}: {
  files: TopicFile[];
  urlOf: (file: TopicFile) => string;
  label?: (file: TopicFile) => string;
  uploadPath?: string | null;
  uploadLabel?: string;
  onUploaded?: (saved: T) => void;
  testId: string;
}) {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);

  const send = async (file: File) => {
    if (!uploadPath) return;
    if (file.size === 0) {
      message.error(`Tệp "${file.name}" rỗng, không tải lên được.`);
      return;
    }
    if (file.size > MAX_BYTES) {
      message.error(`Tệp "${file.name}" lớn hơn 20 MB, không tải lên được.`);
      return;
    }
    setUploading(true);
    try {
      const saved = await api.upload<T>(uploadPath, file, { file_name: file.name });
      message.success(`Đã tải lên ${file.name}`);
      onUploaded?.(saved);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };

  if (files.length === 0 && !uploadPath) return null;
  return (
    <div className="topic-files" data-testid={testId}>
      {files.length > 0 && (
        <ul className="attachment-list">
          {files.map((f) => (
            <li key={f.id} className="attachment-row" data-testid={`${testId}-row`}>
              <a href={urlOf(f)} className="attachment-name" download={f.file_name}>
                <PaperClipOutlined /> {label ? label(f) : f.file_name}
              </a>
              <Typography.Text type="secondary" className="attachment-meta">
                {formatFileSize(f.size)} · {formatDateTime(f.uploaded_at)}
              </Typography.Text>
              <span className="attachment-actions">
                <Button href={urlOf(f)} icon={<DownloadOutlined />} aria-label={`Tải về ${f.file_name}`}>
                  Tải về
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {uploadPath && (
        <Upload
          showUploadList={false}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} size="large" loading={uploading} data-testid={`${testId}-upload`}>
            {uploadLabel ?? 'Tải tệp lên'}
          </Button>
        </Upload>
      )}
    </div>
  );
}
