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
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { customers, priceTiers, type Customer } from '../api';

/** 客户 list: search, status/price tier/tag filters, sort, export, row actions. */
export default function CustomerListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const writable = can('customers:write');
  const list = useListParams(['status', 'priceTier', 'tag'], { sort: '-updatedAt' });
  const result = useQuery({ queryKey: ['customers', 'list', list.query], queryFn: () => customers.list(list.query), placeholderData: keepPreviousData });
  const actions = useStatusActions(customers, 'customers');
  const f = list.params.filters;
  const sorted = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrder(key) });
  const edit = (c: Customer) => navigate(`/customers/${c.id}/edit`);

  const columns: TableColumnsType<Customer> = [
    { title: t('partners.code'), dataIndex: 'code', ...sorted('code') },
    { title: t('customers.name'), dataIndex: 'name', ...sorted('name'), render: (v: string, c) => (writable ? <a onClick={() => edit(c)}>{v}</a> : v) },
    { title: t('partners.phone'), dataIndex: 'phone', key: 'phone' },
    { title: t('partners.contacts'), key: 'contacts', render: (_, c) => c.contacts.map((x) => x.name).join('、') },
    { title: t('customers.priceTier'), dataIndex: 'priceTier', key: 'priceTier', render: (v: string) => t(`customers.tiers.${v}`, { defaultValue: v }) },
    { title: t('customers.creditLimit'), dataIndex: 'creditLimit', align: 'right', ...sorted('creditLimit'), render: formatMoney },
    { title: t('customers.paymentTermsDays'), dataIndex: 'paymentTermsDays', key: 'paymentTermsDays', align: 'right' },
    { title: t('partners.tags'), dataIndex: 'tags', key: 'tags', render: (tags: string[]) => <Space size={[0, 4]} wrap>{tags.map((x) => <Tag key={x}>{x}</Tag>)}</Space> },
    { title: t('status.label'), dataIndex: 'status', ...sorted('status'), render: (s: string) => <StatusTag status={s} /> },
    { title: t('field.updatedAt'), dataIndex: 'updatedAt', ...sorted('updatedAt'), render: formatDateTime },
    ...(writable
      ? [{
          title: t('field.actions'),
          key: 'actions',
          fixed: 'right' as const,
          render: (_: unknown, c: Customer) => (
            <RowActions name={c.name} status={c.status} onEdit={() => edit(c)} onSetActive={(a) => void actions.setActive(c.id, a)} onRemove={() => void actions.remove(c.id)} />
          ),
        }]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        extra={
          <>
            <ExportButton path={customers.path} query={list.query} />
            {writable && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/customers/new')}>{t('customers.add')}</Button>}
          </>
        }
      />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('customers.searchPlaceholder')}>
        <Select allowClear placeholder={t('customers.allTiers')} value={f.priceTier} onChange={(v) => list.update({ priceTier: v })} options={priceTiers.map((p) => ({ value: p, label: t(`customers.tiers.${p}`) }))} style={{ width: 140 }} />
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
      <DataTable<Customer> result={result} list={list} columns={columns} />
    </>
  );
}
