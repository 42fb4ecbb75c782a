import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Select, Table, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../shared/auth/session';
import { useUnpinnedOnPhones } from '../../../shared/components/DataTable';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ListToolbar } from '../../../shared/components/ListToolbar';
import { PageHeader } from '../../../shared/components/PageHeader';
import { RowActions, useStatusActions } from '../../../shared/components/RowActions';
import { StatusTag } from '../../../shared/components/StatusTag';
import { errorMessage } from '../../../shared/lib/errors';
import { useListParams } from '../../../shared/lib/list-params';
import { api } from '../../../shared/api/client';
import { categories, type Category } from '../api';
import { buildCategoryTree, type CategoryNode } from '../components/category-tree';
import { CategoryFormModal } from '../components/CategoryFormModal';

/** 商品类别: the category tree with add / add-under / edit / deactivate / delete. */
export default function CategoriesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const writable = can('catalog:write');
  const list = useListParams(['status']);
  const { q } = list.params;
  const status = list.params.filters.status;
  const result = useQuery({
    queryKey: ['categories', 'list', q, status],
    queryFn: () => api.get<{ items: Category[] }>('/categories', { q, status }).then((r) => r.items),
  });
  const tree = useMemo(() => buildCategoryTree(result.data ?? []), [result.data]);
  const [target, setTarget] = useState<{ category: Category | null; parentId?: string | null } | null>(null);
  const actions = useStatusActions(categories, 'categories');

  const columns: TableColumnsType<CategoryNode> = [
    { title: t('categories.name'), dataIndex: 'name', key: 'name' },
    { title: t('categories.code'), dataIndex: 'code', key: 'code' },
    { title: t('categories.productCount'), dataIndex: 'productCount', key: 'productCount', align: 'right' },
    { title: t('categories.sortOrder'), dataIndex: 'sortOrder', key: 'sortOrder', align: 'right' },
    { title: t('status.label'), dataIndex: 'status', key: 'status', render: (s: string) => <StatusTag status={s} /> },
    ...(writable
      ? [
          {
            title: t('field.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, c: CategoryNode) => (
              <RowActions
                name={c.name}
                status={c.status}
                onEdit={() => setTarget({ category: c })}
                onSetActive={(active) => void actions.setActive(c.id, active)}
                onRemove={() => void actions.remove(c.id)}
              >
                <Button type="link" size="small" onClick={() => setTarget({ category: null, parentId: c.id })}>
                  {t('categories.addChild')}
                </Button>
              </RowActions>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('categories.title')}
        extra={
          <>
            <ExportButton path="/categories" query={{ q: q || undefined, status }} />
            {writable && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ category: null })}>
                {t('categories.add')}
              </Button>
            )}
          </>
        }
      />
      <ListToolbar q={q} onSearch={(v) => list.update({ q: v })} placeholder={t('categories.searchPlaceholder')}>
        <Select
          allowClear
          placeholder={t('status.label')}
          value={status}
          onChange={(v) => list.update({ status: v })}
          options={[
            { value: 'active', label: t('status.active') },
            { value: 'inactive', label: t('status.inactive') },
          ]}
          style={{ width: 120 }}
        />
      </ListToolbar>
      {result.isError && <Alert type="error" showIcon title={errorMessage(result.error)} style={{ marginBottom: 12 }} />}
      <Table<CategoryNode>
        rowKey="id"
        size="middle"
        loading={result.isFetching}
        columns={useUnpinnedOnPhones(columns)}
        dataSource={tree}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{ defaultExpandAllRows: true }}
        key={tree.length ? 'loaded' : 'empty'}
      />
      <CategoryFormModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
