import type { Category } from '../api';

export type CategoryNode = Category & { children?: CategoryNode[] };

/** Turns the flat category list into a tree (orphans go to the top level), keeping the server's order. */
export function buildCategoryTree(items: Category[]): CategoryNode[] {
  const byId = new Map<string, CategoryNode>(items.map((c) => [c.id, { ...c }]));
  const roots: CategoryNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** Ids of a category and all below it (a category cannot move under these). */
export function subtreeIds(items: Category[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of items) {
      if (c.parentId && out.has(c.parentId) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return out;
}
