import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Input, Select, Space, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { DataTable } from '../../../shared/components/DataTable';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ListToolbar } from '../../../shared/components/ListToolbar';
import { PageHeader } from '../../../shared/components/PageHeader';
import { RowActions, useStatusActions } from '../../../shared/components/RowActions';
import { StatusTag } from '../../../shared/components/StatusTag';
import { formatDateTime } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { suppliers, type Supplier } from '../api';

/** 供应商 list: search, status/tag filters, sort, export, row actions. */
export default function SupplierListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const writable = can('suppliers:write');
  const list = useListParams(['status', 'tag'], { sort: '-updatedAt' });
  const result = useQuery({ queryKey: ['suppliers', 'list', list.query], queryFn: () => suppliers.list(list.query), placeholderData: keepPreviousData });
  const actions = useStatusActions(suppliers, 'suppliers');
  const f = list.params.filters;
  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrder(key) });
  const edit = (s: Supplier) => navigate(`/suppliers/${s.id}/edit`);

  const columns: TableColumnsType<Supplier> = [
    { title: t('partners.code'), dataIndex: 'code', ...sorted('code') },
    { title: t('suppliers.name'), dataIndex: 'name', ...sorted('name'), render: (v: string, s) => (writable ? <a onClick={() => edit(s)}>{v}</a> : v) },
    { title: t('partners.phone'), dataIndex: 'phone', key: 'phone' },
    { title: t('partners.contacts'), key: 'contacts', render: (_, s) => s.contacts.map((x) => x.name).join('、') },
    { title: t('suppliers.leadTimeDays'), dataIndex: 'leadTimeDays', align: 'right', ...sorted('leadTimeDays') },
    { title: t('suppliers.moq'), dataIndex: 'moq', key: 'moq', align: 'right' },
    { title: t('suppliers.productCount'), key: 'products', align: 'right', render: (_, s) => s.products.length },
    { title: t('partners.tags'), dataIndex: 'tags', key: 'tags', render: (tags: string[]) => <Space size={[0, 4]} wrap>{tags.map((x) => <Tag key={x}>{x}</Tag>)}</Space> },
    { title: t('status.label'), dataIndex: 'status', ...sorted('status'), render: (s: string) => <StatusTag status={s} /> },
    { title: t('field.updatedAt'), dataIndex: 'updatedAt', ...sorted('updatedAt'), render: formatDateTime },
    ...(writable
      ? [{
          title: t('field.actions'),
          key: 'actions',
          fixed: 'right' as const,
          render: (_: unknown, s: Supplier) => (
            <RowActions name={s.name} status={s.status} onEdit={() => edit(s)} onSetActive={(a) => void actions.setActive(s.id, a)} onRemove={() => void actions.remove(s.id)} />
          ),
        }]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('suppliers.title')}
        extra={
          <>
            <ExportButton path={suppliers.path} query={list.query} />
            {writable && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/suppliers/new')}>{t('suppliers.add')}</Button>}
          </>
        }
      />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('suppliers.searchPlaceholder')}>
        <Select
          allowClear
          placeholder={t('status.label')}
          value={f.status}
          onChange={(v) => list.update({ status: v })}
          options={[{ value: 'active', label: t('status.active') }, { value: 'inactive', label: t('status.inactive') }]}
          style={{ width: 110 }}
        />
        <Input.Search allowClear placeholder={t('partners.tagFilter')} defaultValue={f.tag} onSearch={(v) => list.update({ tag: v.trim() })} style={{ width: 140 }} aria-label={t('partners.tagFilter')} />
      </ListToolbar>
      <DataTable<Supplier> result={result} list={list} columns={columns} />
    </>
  );
}
