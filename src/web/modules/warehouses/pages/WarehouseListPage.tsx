import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Select, Tag, type TableColumnsType } from 'antd';
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
import { warehouses, type Warehouse } from '../api';

/** 仓库 list: search, status filter, sort, export, row actions. */
export default function WarehouseListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const writable = can('warehouses:write');
  const list = useListParams(['status'], { sort: 'code' });
  const result = useQuery({ queryKey: ['warehouses', 'list', list.query], queryFn: () => warehouses.list(list.query), placeholderData: keepPreviousData });
  const actions = useStatusActions(warehouses, 'warehouses');
  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrder(key) });
  const edit = (w: Warehouse) => navigate(`/warehouses/${w.id}/edit`);

  const columns: TableColumnsType<Warehouse> = [
    { title: t('warehouses.code'), dataIndex: 'code', ...sorted('code') },
    {
      title: t('warehouses.name'),
      dataIndex: 'name',
      ...sorted('name'),
      render: (v: string, w) => (
        <>
          {writable ? <a onClick={() => edit(w)}>{v}</a> : v} {w.isDefault && <Tag color="blue">{t('warehouses.defaultTag')}</Tag>}
        </>
      ),
    },
    { title: t('warehouses.address'), dataIndex: 'address', key: 'address' },
    { title: t('warehouses.manager'), dataIndex: 'manager', key: 'manager' },
    { title: t('warehouses.phone'), dataIndex: 'phone', key: 'phone' },
    { title: t('warehouses.binCount'), key: 'bins', align: 'right', render: (_, w) => w.bins.length },
    { title: t('status.label'), dataIndex: 'status', ...sorted('status'), render: (s: string) => <StatusTag status={s} /> },
    { title: t('field.updatedAt'), dataIndex: 'updatedAt', ...sorted('updatedAt'), render: formatDateTime },
    ...(writable
      ? [{
          title: t('field.actions'),
          key: 'actions',
          fixed: 'right' as const,
          render: (_: unknown, w: Warehouse) => (
            <RowActions name={w.name} status={w.status} onEdit={() => edit(w)} onSetActive={(a) => void actions.setActive(w.id, a)} onRemove={() => void actions.remove(w.id)} />
          ),
        }]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('warehouses.title')}
        extra={
          <>
            <ExportButton path={warehouses.path} query={list.query} />
            {writable && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/warehouses/new')}>{t('warehouses.add')}</Button>}
          </>
        }
      />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('warehouses.searchPlaceholder')}>
        <Select
          allowClear
          placeholder={t('status.label')}
          value={list.params.filters.status}
          onChange={(v) => list.update({ status: v })}
          options={[{ value: 'active', label: t('status.active') }, { value: 'inactive', label: t('status.inactive') }]}
          style={{ width: 110 }}
        />
      </ListToolbar>
      <DataTable<Warehouse> result={result} list={list} columns={columns} />
    </>
  );
}
