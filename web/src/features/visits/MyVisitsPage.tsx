import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Empty, Result, Skeleton, Tag, Typography } from 'antd';
import { CalendarOutlined, EnvironmentOutlined, FileTextOutlined } from '@ant-design/icons';
import { useAuth } from '../auth/auth';
import { LoadError } from '../../ui/LoadFailure';
import YearSelect from '../../ui/YearSelect';
import { formatDate, formatDateTime, todayIso } from '../../lib/dates';
import { VISIT_KIND_LABELS } from '../../lib/labels';
import { QUALITY_LEVEL_LABELS } from '../scoring/scorecard';
import { useApi } from '../../lib/useApi';
import type { Attendant, MyVisits, PlannedVisit, VisitReport } from '../../lib/types';
import { VisitStatusTag } from './PlanView';
import { PetitionCard } from './Petitions';
import VisitReportDrawer from './VisitReportDrawer';
import { canReport, dutyText, myVisitSections, visitMonthText, visitWhenText } from './visits';

// A report as sent: when (late or not), what was observed, and the petitions with their answers so far.
export function ReportView({ report }: { report: VisitReport }) {
  return (
    <div className="my-meeting-block visit-report" data-testid="my-report">
      <div className="visit-card-head">
        <b>Đã gửi báo cáo ngày {formatDate(report.filed_on)}</b>
        {report.late ? (
          <Tag color="orange" data-testid="report-late">
            Muộn
          </Tag>
        ) : (
          <Tag color="green">Đúng hạn</Tag>
        )}
      </div>
      <Typography.Text type="secondary">
        {report.kind === 'grassroots' ? `Ngày đến: ${formatDate(report.visited_on)} · ` : ''}Hạn: {formatDate(report.due_on)}
      </Typography.Text>
      <div className="my-meeting-block">
        <b>Nhận xét</b>
        <div className="pre-line" data-testid="report-observations-text">
          {report.observations}
        </div>
      </div>
      {report.members_situation && (
        <div className="my-meeting-block">
          <b>Tình hình đảng viên</b>
          <div className="pre-line">{report.members_situation}</div>
        </div>
      )}
      {report.superior_score && (
        <div className="my-meeting-block">
          Điểm cấp trên chấm: <b>{report.superior_score.total}</b> (
          {QUALITY_LEVEL_LABELS[report.superior_score.level as keyof typeof QUALITY_LEVEL_LABELS] ??
            report.superior_score.level}
          )
        </div>
      )}
      {report.petitions.length > 0 && (
        <div className="my-meeting-block">
          <b>Kiến nghị ({report.petitions.length})</b>
          <div className="petitions my-meeting-block">
            {report.petitions.map((p) => (
              <PetitionCard key={p.id} petition={p} />
            ))}
          </div>
        </div>
      )}
    </div>
  );
}

function VisitCard({
  visit,
  report,
  onReport,
}: {
  visit: PlannedVisit;
  report: VisitReport | undefined;
  onReport: () => void;
}) {
  const reportable = !report && canReport(visit, todayIso());
  return (
    <Card
      size="small"
      className="section my-meeting"
      data-testid="my-visit"
      data-visit={visit.id}
      title={
        <div className="meeting-head">
          <span className="my-meeting-title">
            {visitMonthText(visit)} · {visit.cell_name}
          </span>
          <VisitStatusTag visit={visit} />
        </div>
      }
    >
      <div className="my-meeting-when">
        <Tag color={visit.kind === 'meeting' ? 'purple' : 'cyan'}>{VISIT_KIND_LABELS[visit.kind]}</Tag>
        {visit.kind === 'meeting' ? <CalendarOutlined /> : <EnvironmentOutlined />} <b>{visitWhenText(visit)}</b>
      </div>
      {visit.reason && <div className="visit-reason">Vì sao: {visit.reason}</div>}
      {visit.report_due && !report && (
        <div className={visit.status === 'report_missing' ? 'petition-late' : undefined} data-testid="my-visit-due">
          Hạn báo cáo {formatDate(visit.report_due)}
        </div>
      )}
      {report && <ReportView report={report} />}
      {visit.kind === 'meeting' && visit.meeting_id !== null && visit.status !== 'planned' && (
        <div className="my-meeting-block">
          <Link to={`/meetings/${visit.meeting_id}`} data-testid="my-visit-meeting">
            Xem buổi sinh hoạt, chấm điểm cột cấp trên
          </Link>
        </div>
      )}
      {reportable && (
        <div className="my-meeting-actions">
          <Button
            type="primary"
            size="large"
            icon={<FileTextOutlined />}
            onClick={onReport}
            data-testid={visit.kind === 'meeting' ? 'report-meeting' : 'report-grassroots'}
          >
            {visit.kind === 'meeting' ? 'Gửi báo cáo' : 'Báo cáo đi cơ sở'}
          </Button>
        </div>
      )}
    </Card>
  );
}

function AttendantLine({ attendant: a }: { attendant: Attendant }) {
  return (
    <div className="my-meeting-block" data-testid="my-attendant">
      <b>{a.role}</b> — {a.organization_name}
      <div>
        <Typography.Text type="secondary">{dutyText(a)}</Typography.Text>
      </div>
    </div>
  );
}

// "Việc dự sinh hoạt của tôi": for a committee member or staff assigned to attend cells, the visits of the year in the
// published plans, soonest first, with the report to file after each (a phone is what they carry).
export default function MyVisitsPage() {
  const { user } = useAuth();
  const hasMember = !!user?.member_id;
  const [year, setYear] = useState(() => new Date().getFullYear());
  const { data, error, loading, reload } = useApi<MyVisits>(hasMember ? '/me/visits' : null, { year });
  const [reporting, setReporting] = useState<PlannedVisit | null>(null);
  const [sent, setSent] = useState<VisitReport[]>([]);

  if (!hasMember) {
    return (
      <Result
        status="info"
        title="Tài khoản chưa gắn với đảng viên"
        subTitle="Việc dự sinh hoạt chỉ có khi tài khoản được gắn với một đảng viên. Liên hệ người quản trị."
      />
    );
  }

  // The reports just sent show at once, before the list is read again.
  const reports = [...(data?.reports ?? []), ...sent.filter((s) => !data?.reports.some((r) => r.id === s.id))];
  const reportOf = (v: PlannedVisit) =>
    reports.find((r) => r.id === v.report_id) ??
    reports.find(
      (r) =>
        r.attendant_id === v.attendant_id &&
        r.cell_id === v.cell_id &&
        r.kind === v.kind &&
        (v.kind === 'meeting'
          ? r.meeting_id !== null && r.meeting_id === v.meeting_id
          : r.visited_on.slice(0, 7) === `${v.year}-${String(v.month).padStart(2, '0')}`),
    );
  const visits = data?.visits ?? [];
  const sections = myVisitSections(visits, (v) => reportOf(v) !== undefined, todayIso());
  const shown = new Set(visits.map((v) => reportOf(v)?.id));
  const otherReports = reports.filter((r) => !shown.has(r.id));

  return (
    <div data-testid="my-visits-page">
      <Typography.Title level={3} className="page-title">
        Việc dự sinh hoạt của tôi
      </Typography.Title>
      <div className="toolbar">
        <YearSelect value={year} onChange={setYear} testId="my-visits-year" width={140} ahead={1} />
      </div>
      {error !== undefined && <LoadError error={error} className="section" />}
      {loading && !data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : data && data.attendants.length === 0 ? (
        <Card size="small" className="section">
          <Empty description="Đồng chí chưa được phân công dự sinh hoạt." data-testid="my-visits-none" />
        </Card>
      ) : data ? (
        <>
          <Card size="small" className="section" title="Phân công">
            {data.attendants.map((a) => (
              <AttendantLine key={a.id} attendant={a} />
            ))}
          </Card>
          {sections.length === 0 ? (
            <Card size="small" className="section">
              <Empty description={`Chưa có lượt nào trong kế hoạch đã công bố năm ${year}`} />
            </Card>
          ) : (
            <div className="my-meetings" data-testid="my-visits">
              {sections.map((section) => (
                <section key={section.key} aria-label={section.title} data-testid={`my-visits-${section.key}`}>
                  <Typography.Title level={4}>
                    {section.title} ({section.visits.length})
                  </Typography.Title>
                  {section.visits.map((v) => (
                    <VisitCard key={v.id} visit={v} report={reportOf(v)} onReport={() => setReporting(v)} />
                  ))}
                </section>
              ))}
            </div>
          )}
          {otherReports.length > 0 && (
            <>
              <Typography.Title level={5}>Báo cáo khác đã gửi</Typography.Title>
              {otherReports.map((r) => (
                <Card
                  key={r.id}
                  size="small"
                  className="section my-meeting"
                  title={`${VISIT_KIND_LABELS[r.kind]} · ${r.cell_name}`}
                  extra={<Typography.Text type="secondary">{formatDateTime(r.filed_at)}</Typography.Text>}
                >
                  <ReportView report={r} />
                </Card>
              ))}
            </>
          )}
        </>
      ) : null}
      {reporting && (
        <VisitReportDrawer
          visit={reporting}
          attendant={data?.attendants.find((a) => a.id === reporting.attendant_id)}
          onClose={() => setReporting(null)}
          onSaved={(report) => {
            setSent((all) => [...all, report]);
            reload();
          }}
        />
      )}
    </div>
  );
}
