import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Card, Empty, Grid, Input, Spin, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useAuth } from '../auth/auth';
import { flatten, useOrgTree } from './orgTree';
import { matchesWords } from '../../lib/text';
import type { TreeNode } from '../../lib/types';
import OrgTitle from './OrgTitle';
import { LoadError } from '../../ui/LoadFailure';

// Expanded nodes survive leaving and re-entering the page (for the same user).
let remembered: { userId: number; keys: React.Key[] } | null = null;

function toData(nodes: TreeNode[], showKind: boolean): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.id,
    title: <OrgTitle node={node} showKind={showKind} />,
    isLeaf: !node.has_children,
    children: node.children.length > 0 ? toData(node.children, showKind) : undefined,
  }));
}

export default function TreePage() {
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const { roots, error, loadChildren, version } = useOrgTree(3);
  const userId = useAuth().user?.id ?? 0;
  const [expanded, setExpanded] = useState<React.Key[] | null>(
    remembered && remembered.userId === userId ? remembered.keys : null,
  );
  const [query, setQuery] = useState('');

  const expandedKeys = expanded ?? (roots && roots.length === 1 ? [roots[0].id] : []);
  const data = useMemo(() => (roots ? toData(roots, !!screens.sm) : []), [roots, screens.sm]);
  const matches = useMemo(() => {
    if (!roots || !query.trim()) return [];
    return flatten(roots).filter(({ node }) => matchesWords(node.name, query));
  }, [roots, query]);

  if (error) return <LoadError error={error} />;

  return (
    <div>
      <Typography.Title level={3} className="page-title">
        Tổ chức đảng
      </Typography.Title>
      <Input
        allowClear
        size="large"
        prefix={<SearchOutlined />}
        placeholder="Tìm tổ chức đã tải (ví dụ: thon dong)"
        aria-label="Tìm tổ chức"
        data-testid="org-search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        style={{ marginBottom: 12 }}
      />
      <Card>
        {!roots ? (
          <Spin />
        ) : query.trim() ? (
          matches.length === 0 ? (
            <Empty description="Không tìm thấy tổ chức" />
          ) : (
            <ul className="org-matches" data-testid="org-matches">
              {matches.map(({ node, ancestors }) => (
                <li key={node.id}>
                  <Typography.Link onClick={() => navigate(`/organizations/${node.id}`)}>{node.name}</Typography.Link>
                  {ancestors.length > 0 && (
                    <Typography.Text type="secondary"> — {ancestors.join(' › ')}</Typography.Text>
                  )}
                </li>
              ))}
            </ul>
          )
        ) : roots.length === 0 ? (
          <Empty description="Bạn chưa được giao tổ chức nào" />
        ) : (
          <Tree
            key={version}
            className="org-tree"
            data-testid="org-tree"
            aria-label="Cây tổ chức đảng"
            blockNode
            showLine
            treeData={data}
            expandedKeys={expandedKeys}
            onExpand={(keys) => {
              remembered = { userId, keys };
              setExpanded(keys);
            }}
            loadData={async (node) => {
              if (node.children && node.children.length > 0) return;
              await loadChildren(Number(node.key));
            }}
            onSelect={(_keys, info) => navigate(`/organizations/${info.node.key}`)}
          />
        )}
      </Card>
    </div>
  );
}
