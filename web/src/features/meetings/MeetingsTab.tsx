import { useState } from 'react';
import { App, Divider } from 'antd';
import MeetingCalendar from './MeetingCalendar';
import MeetingRuleSection, { RuleFormModal } from './MeetingRule';
import { isCell } from '../../lib/labels';
import { useApi } from '../../lib/useApi';
import type { Organization, RuleView } from '../../lib/types';

// The "Lịch sinh hoạt" tab of an organisation: for a cell, the year's meetings; for every organisation but a
// party group, the meeting rule in force and where each of its settings comes from.
export default function MeetingsTab({ organization, canWrite }: { organization: Organization; canWrite: boolean }) {
  const { message } = App.useApp();
  const cell = isCell(organization.kind);
  const rule = useApi<RuleView>(`/organizations/${organization.id}/meeting-rule`);
  const [editing, setEditing] = useState(false);
  const [version, setVersion] = useState(0);
  return (
    <div data-testid="meetings-tab">
      {cell && (
        <>
          <MeetingCalendar
            organization={organization}
            canWrite={canWrite}
            shift={rule.data?.effective.shift}
            version={version}
          />
          <Divider />
        </>
      )}
      <MeetingRuleSection
        organization={organization}
        canWrite={canWrite}
        view={rule.data}
        error={rule.error}
        onEdit={() => setEditing(true)}
      />
      {editing && rule.data && (
        <RuleFormModal
          open
          organization={organization}
          view={rule.data}
          onClose={() => setEditing(false)}
          onSaved={() => {
            message.success('Đã lưu quy định lịch sinh hoạt');
            rule.reload();
            setVersion((v) => v + 1);
          }}
        />
      )}
    </div>
  );
}
