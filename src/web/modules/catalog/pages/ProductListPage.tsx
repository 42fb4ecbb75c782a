import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Input, Select, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { DataTable } from '../../../shared/components/DataTable';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ListToolbar } from '../../../shared/components/ListToolbar';
import { PageHeader } from '../../../shared/components/PageHeader';
import { RowActions, useStatusActions } from '../../../shared/components/RowActions';
import { StatusTag } from '../../../shared/components/StatusTag';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { products, type Product } from '../api';
import { CategoryTreeSelect } from '../components/CategoryTreeSelect';

/** 商品 list: search, category/status/brand filters, sort, export, row actions. */
export default function ProductListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const writable = can('catalog:write');
  const list = useListParams(['status', 'categoryId', 'brand'], { sort: '-updatedAt' });
  const result = useQuery({ queryKey: ['products', 'list', list.query], queryFn: () => products.list(list.query), placeholderData: keepPreviousData });
  const actions = useStatusActions(products, 'products');
  const f = list.params.filters;
  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrder(key) });

  const columns: TableColumnsType<Product> = [
    { title: t('products.sku'), dataIndex: 'sku', ...sorted('sku'), render: (v: string, p) => <Link to={`/products/${p.id}`}>{v}</Link> },
    {
      title: t('products.name'),
      dataIndex: 'name',
      ...sorted('name'),
      render: (v: string, p) => (
        <>
          <Link to={`/products/${p.id}`}>{v}</Link>
          {p.spec && <Typography.Text type="secondary"> {p.spec}</Typography.Text>}
        </>
      ),
    },
    { title: t('products.category'), dataIndex: 'categoryName', key: 'category', render: (v: string | null) => v ?? '' },
    { title: t('products.brand'), dataIndex: 'brand', ...sorted('brand'), render: (v: string | null) => v ?? '' },
    {
      title: t('products.unitsSummary'),
      key: 'units',
      render: (_, p) => [p.baseUnit, ...p.units.map((u) => `${u.name}(${u.factor})`)].join(' / '),
    },
    { title: t('products.listPrice'), dataIndex: 'listPrice', align: 'right', ...sorted('listPrice'), render: formatMoney },
    { title: t('products.costPrice'), dataIndex: 'costPrice', align: 'right', ...sorted('costPrice'), render: formatMoney },
    { title: t('status.label'), dataIndex: 'status', ...sorted('status'), render: (s: string) => <StatusTag status={s} /> },
    { title: t('field.updatedAt'), dataIndex: 'updatedAt', ...sorted('updatedAt'), render: formatDateTime },
    ...(writable
      ? [{
          title: t('field.actions'),
          key: 'actions',
          fixed: 'right' as const,
          render: (_: unknown, p: Product) => (
            <RowActions
              name={p.name}
              status={p.status}
              onEdit={() => navigate(`/products/${p.id}/edit`)}
              onSetActive={(active) => void actions.setActive(p.id, active)}
              onRemove={() => void actions.remove(p.id)}
            />
          ),
        }]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('products.title')}
        extra={
          <>
            <ExportButton path={products.path} query={list.query} />
            {writable && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/products/new')}>
                {t('products.add')}
              </Button>
            )}
          </>
        }
      />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('products.searchPlaceholder')}>
        <CategoryTreeSelect
          allowInactive
          value={f.categoryId}
          onChange={(v: string | undefined) => list.update({ categoryId: v })}
          placeholder={t('products.allCategories')}
          style={{ width: 180 }}
        />
        <Select
          allowClear
          placeholder={t('status.label')}
          value={f.status}
          onChange={(v) => list.update({ status: v })}
          options={[
            { value: 'active', label: t('status.active') },
            { value: 'inactive', label: t('status.inactive') },
          ]}
          style={{ width: 110 }}
        />
        <Input.Search
          allowClear
          placeholder={t('products.brandFilter')}
          defaultValue={f.brand}
          onSearch={(v) => list.update({ brand: v.trim() })}
          style={{ width: 150 }}
          aria-label={t('products.brandFilter')}
        />
      </ListToolbar>
      <DataTable<Product> result={result} list={list} columns={columns} />
    </>
  );
}
