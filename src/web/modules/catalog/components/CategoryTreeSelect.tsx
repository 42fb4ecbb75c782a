import { useQuery } from '@tanstack/react-query';
import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { categories } from '../api';
import { buildCategoryTree, subtreeIds, type CategoryNode } from './category-tree';

type Props = Omit<TreeSelectProps, 'treeData'> & {
  /** A category being edited: it and its subcategories cannot be chosen as its parent. */
  excludeId?: string;
  /** Let inactive categories be chosen too (list filters). */
  allowInactive?: boolean;
};

/** Pick a category from the tree (searchable; inactive ones shown but not selectable). */
export function CategoryTreeSelect({ excludeId, allowInactive, ...rest }: Props) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['categories', 'all'], queryFn: () => categories.all() });
  const treeData = useMemo(() => {
    const items = q.data ?? [];
    const excluded = excludeId ? subtreeIds(items, excludeId) : new Set<string>();
    const toNode = (c: CategoryNode): NonNullable<TreeSelectProps['treeData']>[number] => ({
      value: c.id,
      title: c.status === 'active' ? c.name : t('msg.withNote', { text: c.name, note: t('status.inactive') }),
      disabled: excluded.has(c.id) || (!allowInactive && c.status !== 'active' && c.id !== rest.value),
      children: c.children?.map(toNode),
    });
    return buildCategoryTree(items).map(toNode);
  }, [q.data, excludeId, allowInactive, t, rest.value]);
  return (
    <TreeSelect
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      loading={q.isLoading}
      treeData={treeData}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
      {...rest}
    />
  );
}
