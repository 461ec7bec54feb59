import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import type { TopicOrientation } from '../../lib/api.gen';
import TopicFiles, { orientationFileUrl } from './TopicFiles';
import { quarterLabel } from './topics';

// One orientation as a cell and a committee list it: title, who published it for which period and under
// which directive, its purpose and documents; `children` adds what the viewer does with it.
export default function OrientationCard({
  orientation: o,
  showPublisher,
  onFilesChanged,
  children,
}: {
  orientation: TopicOrientation;
  showPublisher: boolean;
  onFilesChanged: () => void;
  children?: ReactNode;
}) {
  return (
    <Card size="small" className="topic-orientation" data-testid="orientation">
      <div className="topic-item-title">{o.title}</div>
      <Typography.Text type="secondary">
        {showPublisher ? `${o.organization_name} · ` : ''}
        {quarterLabel(o.quarter, o.year)}
        {o.directive ? ` · ${o.directive}` : ''}
      </Typography.Text>
      {o.purpose && <div className="topic-text topic-orientation-purpose">{o.purpose}</div>}
      <TopicFiles
        files={o.files}
        urlOf={(f) => orientationFileUrl(o.id, f.id)}
        uploadPath={o.can_attach ? `/topic-orientations/${o.id}/files` : null}
        uploadLabel="Đính kèm văn bản"
        onUploaded={onFilesChanged}
        testId="orientation-files"
      />
      {children}
    </Card>
  );
}
