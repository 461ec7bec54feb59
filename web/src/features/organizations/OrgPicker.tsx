import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useOrgTree } from './orgTree';
import { isCell } from '../../lib/labels';
import { matchesWords } from '../../lib/text';
import type { TreeNode } from '../../lib/types';

interface OrgPickerProps {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  // Only party cells can be chosen (other levels stay expandable).
  cellsOnly?: boolean;
  // Organisations that cannot be chosen (for example the one being moved).
  excludeIds?: number[];
  placeholder?: string;
  allowClear?: boolean;
  'aria-label'?: string;
  'data-testid'?: string;
  style?: React.CSSProperties;
}

interface PickerNode {
  value: number;
  title: string;
  selectable: boolean;
  disabled: boolean;
  isLeaf: boolean;
  children?: PickerNode[];
}

function toPickerData(nodes: TreeNode[], cellsOnly: boolean, exclude: Set<number>): PickerNode[] {
  return nodes.map((node) => ({
    value: node.id,
    title: node.name,
    selectable: !cellsOnly || isCell(node.kind),
    disabled: exclude.has(node.id),
    isLeaf: !node.has_children,
    children: node.children.length > 0 ? toPickerData(node.children, cellsOnly, exclude) : undefined,
  }));
}

// Chooses an organisation from the actor's tree; deeper levels load when expanded; typing filters the
// loaded names without diacritics ("thon dong" finds "Chi bộ Thôn Đông").
export default function OrgPicker({
  id,
  value,
  onChange,
  cellsOnly = false,
  excludeIds,
  placeholder = 'Chọn tổ chức',
  allowClear = false,
  style,
  ...rest
}: OrgPickerProps) {
  const { roots, loadChildren } = useOrgTree(3);
  const excludeKey = (excludeIds ?? []).join(',');
  const data = useMemo(
    () => toPickerData(roots ?? [], cellsOnly, new Set(excludeKey ? excludeKey.split(',').map(Number) : [])),
    [roots, cellsOnly, excludeKey],
  );
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={data}
      loading={!roots}
      disabled={!roots}
      placeholder={placeholder}
      allowClear={allowClear}
      style={{ width: '100%', ...style }}
      listHeight={360}
      treeLine
      showSearch={{ filterTreeNode: (input, node) => matchesWords(String(node.title ?? ''), input) }}
      treeDefaultExpandedKeys={roots && roots.length === 1 ? [roots[0].id] : []}
      loadData={async (node) => {
        const children = (node as unknown as { children?: unknown[] }).children;
        if (children && children.length > 0) return;
        await loadChildren(Number(node.value));
      }}
      aria-label={rest['aria-label']}
      data-testid={rest['data-testid']}
    />
  );
}
