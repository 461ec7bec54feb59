import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Tooltip } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import {
  formatCount,
  formatShare,
  LEVEL_COLORS,
  LEVEL_KEYS,
  LEVEL_LABELS,
  NO_SHARE_HINTS,
  ofTotal,
} from './dashboard';
import type { DashboardFigures } from '../../lib/types';

// Where a figure leads: a section of the page (scrolled to) or another page.
export type Target = { section: string; label: string } | { to: string; label: string };

export function scrollToSection(id: string) {
  document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

function TargetLink({ target }: { target: Target }) {
  const body = (
    <>
      {target.label} <RightOutlined className="figure-link-arrow" />
    </>
  );
  if ('to' in target)
    return (
      <Link to={target.to} className="figure-link" data-testid="figure-link">
        {body}
      </Link>
    );
  return (
    <a
      href={`#${target.section}`}
      className="figure-link"
      data-testid="figure-link"
      onClick={(e) => {
        e.preventDefault();
        scrollToSection(target.section);
      }}
    >
      {body}
    </a>
  );
}

// One figure: the value big, what it counts in the source articles' words, the numbers behind a share, and a link to
// what is behind it. `sentence`: the value starts the sentence ("97 % chi bộ sinh hoạt thường kỳ đúng quy định").
function FigureCard({
  id,
  label,
  value,
  detail,
  hint,
  target,
  sentence = false,
  wide = false,
  full = false,
  children,
}: {
  id: string;
  label: string;
  value?: string;
  detail?: ReactNode;
  hint?: string;
  target?: Target;
  sentence?: boolean;
  wide?: boolean;
  full?: boolean;
  children?: ReactNode;
}) {
  const shownValue = value === undefined ? null : (
    <span className={`figure-value${value === '—' ? ' figure-value-none' : ''}`} data-testid="figure-value">
      {value}
    </span>
  );
  return (
    <section
      className={`figure-card${wide ? ' figure-card-wide' : ''}${full ? ' figure-card-full' : ''}`} data-testid={`figure-${id}`} aria-label={label}>
      {sentence ? (
        <>
          {hint && value === '—' ? <Tooltip title={hint}>{shownValue}</Tooltip> : shownValue}
          <div className="figure-label figure-label-sentence" data-testid="figure-label">
            {label}
          </div>
        </>
      ) : (
        <>
          <div className="figure-label" data-testid="figure-label">
            {label}
          </div>
          {hint && value === '—' ? <Tooltip title={hint}>{shownValue}</Tooltip> : shownValue}
        </>
      )}
      {detail !== undefined && (
        <div className="figure-detail" data-testid="figure-detail">
          {detail}
        </div>
      )}
      {hint && value === '—' && (
        <div className="figure-hint" data-testid="figure-hint">
          {hint}
        </div>
      )}
      {children}
      {target && <TargetLink target={target} />}
    </section>
  );
}

// How a card sits in the grid: `wide` spans two columns on a desktop; `full` takes a phone's whole width (else two
// cards share a row there).
type Span = { wide?: boolean; full?: boolean };

// D1: the figures of the organisation's subtree over the period, as cards. `targets` tells where each kind of figure
// leads (the children's table of a committee, a cell's own calendar…). A cell's dashboard has no "number of cells".
export default function DashboardCards({
  figures,
  year,
  cell,
  targets,
}: {
  figures: DashboardFigures;
  year: string;
  cell: boolean;
  targets: {
    missed: Target;
    flagged: Target;
    meetings: Target;
    cells: Target;
    members: Target;
  };
}) {
  const f = figures;
  const missedAny = f.cells_regular_all < f.cells_regular_due || f.cells_thematic_all < f.cells_thematic_due;
  const cards: { key: string; span: Span; node: (span: Span) => ReactNode }[] = [
    {
      key: 'regular',
      span: { full: true },
      node: (span) => (
        <FigureCard
          id="regular"
          {...span}
          sentence
          value={formatShare(f.regular_share)}
          label="chi bộ sinh hoạt thường kỳ đúng quy định"
          detail={
            <>
              <b>{ofTotal(f.cells_regular_all, f.cells_regular_due)}</b> chi bộ họp đủ mọi tháng đến hạn
            </>
          }
          hint={f.regular_share === null ? NO_SHARE_HINTS.regular : undefined}
          target={f.cells_regular_all < f.cells_regular_due ? targets.missed : targets.cells}
        />
      ),
    },
    {
      key: 'thematic',
      span: { full: true },
      node: (span) => (
        <FigureCard
          id="thematic"
          {...span}
          sentence
          value={formatShare(f.thematic_share)}
          label="chi bộ sinh hoạt chuyên đề mỗi quý"
          detail={
            <>
              <b>{ofTotal(f.cells_thematic_all, f.cells_thematic_due)}</b> chi bộ có chuyên đề mọi quý đến hạn
            </>
          }
          hint={f.thematic_share === null ? NO_SHARE_HINTS.thematic : undefined}
          target={f.cells_thematic_all < f.cells_thematic_due ? targets.missed : targets.cells}
        />
      ),
    },
    {
      key: 'attendance',
      span: {},
      node: (span) => (
        <FigureCard
          id="attendance"
          {...span}
          value={formatShare(f.attendance_rate)}
          label="Tỷ lệ đảng viên dự sinh hoạt"
          detail={
            <>
              <b>{ofTotal(f.attendance_present, f.attendance_expected)}</b> lượt có mặt
            </>
          }
          hint={f.attendance_rate === null ? NO_SHARE_HINTS.attendance : undefined}
          target={targets.meetings}
        />
      ),
    },
    {
      key: 'attendance90',
      span: {},
      node: (span) => (
        <FigureCard
          id="attendance90"
          {...span}
          sentence
          value={formatShare(f.attendance_90_share)}
          label="buổi sinh hoạt có ≥ 90 % đảng viên dự"
          detail={
            <>
              <b>{ofTotal(f.meetings_attendance_90, f.meetings_held)}</b> buổi
            </>
          }
          hint={f.attendance_90_share === null ? NO_SHARE_HINTS.attendance90 : undefined}
          target={targets.meetings}
        />
      ),
    },
    ...(cell
      ? []
      : [
          {
            key: 'cells',
            span: {},
            node: (span: Span) => (
              <FigureCard
                id="cells"
                {...span}
                value={formatCount(f.cells)}
                label="Số chi bộ"
                detail={missedAny ? 'có chi bộ chưa sinh hoạt đủ' : 'hoạt động trong kỳ'}
                target={targets.cells}
              />
            ),
          },
        ]),
    {
      key: 'members',
      span: {},
      node: (span) => (
        <FigureCard
          id="members"
          {...span}
          value={formatCount(f.members_expected)}
          label="Số đảng viên"
          detail="chính thức và dự bị sinh hoạt tại chi bộ"
          target={targets.members}
        />
      ),
    },
    {
      key: 'away',
      span: {},
      node: (span) => (
        <FigureCard
          id="away"
          {...span}
          value={formatCount(f.members_away)}
          label="Đảng viên đang ở nơi khác"
          detail={
            f.members_away_without_letter > 0 ? (
              <span className="figure-warning" data-testid="figure-away-without-letter">
                trong đó chưa có giấy giới thiệu: <b>{formatCount(f.members_away_without_letter)}</b>
              </span>
            ) : (
              'có giấy giới thiệu sinh hoạt tạm thời hoặc đi làm ăn xa'
            )
          }
          target={targets.members}
        />
      ),
    },
    {
      key: 'meetings',
      span: {},
      node: (span) => (
        <FigureCard
          id="meetings"
          {...span}
          value={formatCount(f.meetings_held)}
          label="Buổi sinh hoạt đã họp"
          detail="thường kỳ và chuyên đề"
          target={targets.meetings}
        />
      ),
    },
    {
      key: 'superior',
      span: {},
      node: (span) => (
        <FigureCard
          id="superior"
          {...span}
          value={`${formatCount(f.meetings_superior)} buổi`}
          label="Cấp ủy cấp trên dự"
          detail={
            <>
              ở <b>{formatCount(f.cells_visited)}</b> chi bộ
            </>
          }
          target={targets.meetings}
        />
      ),
    },
    {
      key: 'quality',
      span: { wide: true, full: true },
      node: (span) => (
        <FigureCard id="quality" {...span} label="Chất lượng buổi sinh hoạt" target={targets.meetings}>
          <ul className="figure-levels" data-testid="figure-levels">
            {LEVEL_KEYS.map((k) => (
              <li key={k} data-level={k}>
                <span className="figure-level-dot" style={{ background: LEVEL_COLORS[k] }} aria-hidden />
                {LEVEL_LABELS[k]}: <b>{formatCount(f.levels[k])}</b>
              </li>
            ))}
          </ul>
        </FigureCard>
      ),
    },
    {
      key: 'flagged',
      span: { wide: true, full: true },
      node: (span) => (
        <FigureCard
          id="flagged"
          {...span}
          value={formatCount(f.members_flagged)}
          label="Đảng viên vắng 3 lần không lý do"
          detail={`trong năm ${year}`}
          target={targets.flagged}
        />
      ),
    },
  ];
  // On a phone the half-width cards go two by two: an odd one out takes the whole row.
  const halves = cards.filter((c) => !c.span.full);
  if (halves.length % 2 === 1) halves[halves.length - 1].span = { ...halves[halves.length - 1].span, full: true };
  return (
    <div className="figure-grid" data-testid="figure-cards">
      {cards.map((c) => (
        <Fragment key={c.key}>{c.node(c.span)}</Fragment>
      ))}
    </div>
  );
}
