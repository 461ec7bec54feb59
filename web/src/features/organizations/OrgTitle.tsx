import { Tag } from 'antd';
import type { TreeNode } from '../../lib/types';
import { kindLabel } from '../../lib/labels';

// A tree node's label: name, member count and, on wide screens, the kind.
export default function OrgTitle({ node, showKind = true }: { node: TreeNode; showKind?: boolean }) {
  return (
    <span className="tree-node-title">
      <span className="tree-node-name">{node.name}</span>
      {/* Members of a party group are recorded on its cell, so the tree's count for a group means nothing. */}
      {node.kind !== 'party_group' && (
        <span className="tree-node-count" aria-label={`${node.member_count} đảng viên`}>
          ({node.member_count})
        </span>
      )}
      {showKind && (
        <Tag className="tree-node-kind" style={{ marginLeft: 8 }}>
          {kindLabel(node.kind)}
        </Tag>
      )}
    </span>
  );
}
