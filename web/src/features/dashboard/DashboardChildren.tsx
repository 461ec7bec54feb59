import { useMemo, useState, type HTMLAttributes, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Grid, Table, Tag, Typography } from 'antd';
import type { TableColumnsType, TableColumnType } from 'antd';
import {
  type ChildSortKey,
  dashboardPath,
  formatCount,
  formatShare,
  LEVEL_KEYS,
  LEVEL_LABELS,
  ofTotal,
  type Period,
  sortChildren,
  type SortOrder,
} from './dashboard';
import { isCell } from '../../lib/labels';
import type { DashboardChild, DashboardFigures } from '../../lib/types';

// Fixed widths, so the headers wrap instead of widening the table (a phone scrolls it sideways, the names stay).
const NUMBER_WIDTH = 100;
const NAME_WIDTH = { narrow: 136, wide: 220 };

const DEFAULT_SORT: { key: ChildSortKey; order: SortOrder } = { key: 'name', order: 'ascend' };

// A share with the counts behind it under it ("100 %" / "1/1").
function Share({ share, done, total }: { share: number | null; done: number; total: number }) {
  return (
    <span className="child-share">
      <span className="child-share-value">{formatShare(share)}</span>
      <Typography.Text type="secondary" className="child-share-of">
        {ofTotal(done, total)}
      </Typography.Text>
    </span>
  );
}

// D2: every child of the organisation with its subtree's figures; each column sorts (highest first on the first
// click), each name opens that child's dashboard for the same period.
export default function DashboardChildren({ items, period }: { items: DashboardChild[]; period: Period }) {
  const narrow = !Grid.useBreakpoint().md;
  const [sort, setSort] = useState(DEFAULT_SORT);
  const rows = useMemo(() => sortChildren(items, sort.key, sort.order), [items, sort]);
  // Cells' own "cells" and "cells visited" are 1 or 0: those columns only matter for children that hold cells.
  const committees = items.some((c) => !isCell(c.kind));
  const nameWidth = narrow ? NAME_WIDTH.narrow : NAME_WIDTH.wide;

  const numberColumn = (
    key: Exclude<ChildSortKey, 'name'>,
    title: ReactNode,
    render: (f: DashboardFigures) => ReactNode,
  ): TableColumnType<DashboardChild> => ({
    key,
    title,
    align: 'right',
    width: NUMBER_WIDTH,
    className: 'child-number',
    sorter: true,
    sortDirections: ['descend', 'ascend'],
    sortOrder: sort.key === key ? sort.order : null,
    showSorterTooltip: false,
    onHeaderCell: () => ({ 'data-sort-key': key }) as HTMLAttributes<HTMLElement>,
    onCell: () => ({ 'data-key': key }) as HTMLAttributes<HTMLElement>,
    render: (_: unknown, c: DashboardChild) => render(c.figures),
  });

  const columns: TableColumnsType<DashboardChild> = [
    {
      key: 'name',
      title: 'Tổ chức',
      fixed: 'left',
      width: nameWidth,
      sorter: true,
      sortDirections: ['ascend', 'descend'],
      sortOrder: sort.key === 'name' ? sort.order : null,
      showSorterTooltip: false,
      className: 'child-name-cell',
      onHeaderCell: () => ({ 'data-sort-key': 'name' }) as HTMLAttributes<HTMLElement>,
      render: (_: unknown, c) => (
        <span className="child-name">
          <Link to={dashboardPath(c.id, period)} data-testid="child-link">
            {c.name}
          </Link>
          {c.dissolved && <Tag className="child-dissolved">Đã ngừng hoạt động</Tag>}
        </span>
      ),
    },
    ...(committees ? [numberColumn('cells', 'Chi bộ', (f) => formatCount(f.cells))] : []),
    numberColumn('members_expected', 'Đảng viên', (f) => formatCount(f.members_expected)),
    numberColumn('members_away', 'Ở nơi khác', (f) => (
      <span className="child-share">
        <span className="child-share-value">{formatCount(f.members_away)}</span>
        {f.members_away_without_letter > 0 && (
          <span className="child-away-without-letter">{formatCount(f.members_away_without_letter)} chưa có giấy</span>
        )}
      </span>
    )),
    numberColumn('regular_share', 'Thường kỳ đúng quy định', (f) => (
      <Share share={f.regular_share} done={f.cells_regular_all} total={f.cells_regular_due} />
    )),
    numberColumn('thematic_share', 'Chuyên đề mỗi quý', (f) => (
      <Share share={f.thematic_share} done={f.cells_thematic_all} total={f.cells_thematic_due} />
    )),
    numberColumn('meetings_held', 'Buổi đã họp', (f) => formatCount(f.meetings_held)),
    numberColumn('attendance_rate', 'Tỷ lệ dự', (f) => (
      <Share share={f.attendance_rate} done={f.attendance_present} total={f.attendance_expected} />
    )),
    numberColumn('attendance_90_share', 'Buổi ≥ 90 % dự', (f) => (
      <Share share={f.attendance_90_share} done={f.meetings_attendance_90} total={f.meetings_held} />
    )),
    {
      key: 'levels',
      title: 'Chất lượng buổi sinh hoạt',
      children: LEVEL_KEYS.map((k) => numberColumn(k, LEVEL_LABELS[k], (f) => formatCount(f.levels[k]))),
    },
    numberColumn('meetings_superior', 'Cấp trên dự (buổi)', (f) => formatCount(f.meetings_superior)),
    ...(committees
      ? [numberColumn('cells_visited', 'Chi bộ được cấp trên dự', (f) => formatCount(f.cells_visited))]
      : []),
    numberColumn('members_flagged', 'Vắng 3 lần không lý do', (f) =>
      f.members_flagged > 0 ? <Tag color="red">{formatCount(f.members_flagged)}</Tag> : '0',
    ),
  ];

  const numberColumns = columns.reduce((n, c) => n + ('children' in c ? c.children.length : c.key === 'name' ? 0 : 1), 0);

  return (
    <>
      {narrow && (
        <Typography.Paragraph type="secondary" className="children-hint no-print">
          Kéo ngang bảng để xem các cột khác; chạm tiêu đề cột để sắp xếp.
        </Typography.Paragraph>
      )}
      <Table<DashboardChild>
        data-testid="children-table"
        className="children-table"
        rowKey="id"
        size="small"
        bordered
        columns={columns}
        dataSource={rows}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: nameWidth + numberColumns * NUMBER_WIDTH }}
        locale={{ emptyText: 'Không có tổ chức trực thuộc hoạt động trong kỳ' }}
        onRow={(c) => ({ 'data-org': c.id }) as HTMLAttributes<HTMLElement>}
        onChange={(_pagination, _filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = s?.columnKey as ChildSortKey | undefined;
          if (!key || !s.order) setSort(DEFAULT_SORT);
          else setSort({ key, order: s.order });
        }}
      />
    </>
  );
}
