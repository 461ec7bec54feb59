import { useCallback, useEffect, useState } from 'react';
import { api } from '../../lib/api';
import type { TreeNode } from '../../lib/types';

interface TreeResponse {
  roots: TreeNode[];
}

// Replaces the children of node `id` anywhere in the forest.
export function withChildren(nodes: TreeNode[], id: number, children: TreeNode[]): TreeNode[] {
  return nodes.map((node) => {
    if (node.id === id) return { ...node, children, has_children: children.length > 0 };
    if (node.children.length === 0) return node;
    return { ...node, children: withChildren(node.children, id, children) };
  });
}

export function findNode(nodes: TreeNode[], id: number): TreeNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}

// Every loaded node with the names of its ancestors, depth first.
export function flatten(nodes: TreeNode[], ancestors: string[] = []): { node: TreeNode; ancestors: string[] }[] {
  const out: { node: TreeNode; ancestors: string[] }[] = [];
  for (const node of nodes) {
    out.push({ node, ancestors });
    out.push(...flatten(node.children, [...ancestors, node.name]));
  }
  return out;
}

export async function fetchChildren(id: number): Promise<TreeNode[]> {
  const response = await api.get<TreeResponse>('/organizations/tree', { root_id: id, depth: 2 });
  const self = response.roots.length === 1 && response.roots[0].id === id ? response.roots[0] : null;
  return self ? self.children : response.roots.filter((n) => n.id !== id);
}

// Changes whenever organisations were created, moved or merged, so loaded trees know to reload.
let treeVersion = 0;
const listeners = new Set<() => void>();

export function invalidateOrgTree(): void {
  treeVersion += 1;
  listeners.forEach((listener) => listener());
}

function useTreeVersion(): number {
  const [version, setVersion] = useState(treeVersion);
  useEffect(() => {
    const listener = () => setVersion(treeVersion);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return version;
}

// The actor's organisation forest, loaded `depth` levels deep, with lazy loading of deeper levels.
export function useOrgTree(depth = 3) {
  const version = useTreeVersion();
  const [roots, setRoots] = useState<TreeNode[] | null>(null);
  const [error, setError] = useState<unknown>(undefined);

  useEffect(() => {
    let cancelled = false;
    api
      .get<TreeResponse>('/organizations/tree', { depth })
      .then((response) => {
        if (!cancelled) {
          setRoots(response.roots);
          setError(undefined);
        }
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e);
      });
    return () => {
      cancelled = true;
    };
  }, [depth, version]);

  const loadChildren = useCallback(async (id: number) => {
    const children = await fetchChildren(id);
    setRoots((previous) => (previous ? withChildren(previous, id, children) : previous));
  }, []);

  return { roots, error, loadChildren, version };
}
