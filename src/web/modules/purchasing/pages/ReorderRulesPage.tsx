import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { DataTable } from '../../../shared/components/DataTable';
import { ListToolbar } from '../../../shared/components/ListToolbar';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { useListParams } from '../../../shared/lib/list-params';
import { WarehouseSelect } from '../../inventory/components/WarehouseSelect';
import { reorderRules, type ReorderRule } from '../api';
import { ReorderRuleModal } from '../components/ReorderRuleModal';

/** 再订货点: the rules per product × warehouse with where each stands now; add, edit, delete. `?productId=` opens on one product. */
export default function ReorderRulesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const list = useListParams(['warehouseId', 'below', 'productId']);
  const f = list.params.filters;
  const result = useQuery({ queryKey: ['reorderRules', 'list', list.query], queryFn: () => reorderRules.list(list.query), placeholderData: keepPreviousData });
  const [target, setTarget] = useState<ComponentProps<typeof ReorderRuleModal>['target']>(null);
  const writable = can('purchasing:write');

  const remove = (r: ReorderRule) =>
    modal.confirm({
      title: t('rr.deleteTitle', { sku: r.sku, warehouse: r.warehouseName }),
      content: t('rr.deleteContent'),
      okButtonProps: { danger: true },
      okText: t('action.delete'),
      cancelText: t('action.cancel'),
      onOk: async () => {
        try {
          await reorderRules.remove(r.productId, r.warehouseId);
          message.success(t('rr.deleted'));
          await qc.invalidateQueries({ queryKey: ['reorderRules'] });
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  const ruleText = (r: ReorderRule) =>
    r.method === 'min_max'
      ? `${t('rr.min')} ${r.reorderPoint} · ${t('rr.max')} ${r.maxStock}`
      : `${t('rr.reorderPoint')} ${r.reorderPoint} · ${t('rr.safetyStock')} ${r.safetyStock}`;

  const columns: TableColumnsType<ReorderRule> = [
    { key: 'product', title: t('rr.product'), render: (_, r) => <><Typography.Text strong>{r.sku}</Typography.Text> {r.productName}</> },
    { key: 'warehouse', title: t('rr.warehouse'), dataIndex: 'warehouseName' },
    { key: 'rule', title: t('rr.rule'), render: (_, r) => <span data-testid="rule-text">{ruleText(r)} {r.baseUnit}</span> },
    { key: 'available', title: t('rr.available'), align: 'right', dataIndex: 'available' },
    { key: 'incoming', title: t('rr.incoming'), align: 'right', dataIndex: 'incoming' },
    {
      key: 'state', title: t('rr.state'),
      render: (_, r) => r.below
        ? <Link to={`/replenishment?productId=${r.productId}&warehouseId=${r.warehouseId}`}><Tag color="orange">{t('rr.below')}</Tag></Link>
        : <Tag color="green">{t('rr.ok')}</Tag>,
    },
    { key: 'supplier', title: t('rr.supplier'), render: (_, r) => r.supplierName ?? '—' },
    ...(writable ? [{
      key: 'actions', title: t('field.actions'),
      render: (_: unknown, r: ReorderRule) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setTarget(r)}>{t('action.edit')}</Button>
          <Button type="link" size="small" danger onClick={() => remove(r)}>{t('action.delete')}</Button>
        </Space>
      ),
    }] : []),
  ];

  return (
    <>
      <PageHeader
        title={t('rr.title')}
        extra={
          <>
            <Link to="/replenishment"><Button>{t('rr.suggestions')}</Button></Link>
            {writable && <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ productId: f.productId, warehouseId: f.warehouseId })}>{t('rr.add')}</Button>}
          </>
        }
      />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('rr.searchPlaceholder')}>
        <WarehouseSelect allowClear placeholder={t('rr.allWarehouses')} aria-label={t('rr.warehouse')} value={f.warehouseId} onChange={(v) => list.update({ warehouseId: v })} style={{ width: 160 }} />
        <Select
          allowClear
          placeholder={t('rr.state')}
          aria-label={t('rr.state')}
          value={f.below}
          onChange={(v) => list.update({ below: v })}
          options={[{ value: 'true', label: t('rr.onlyBelow') }, { value: 'false', label: t('rr.ok') }]}
          style={{ width: 140 }}
        />
        {f.productId && <Tag closable onClose={() => list.update({ productId: undefined })} style={{ alignSelf: 'center' }}>{result.data?.items[0]?.sku ?? f.productId}</Tag>}
      </ListToolbar>
      <DataTable<ReorderRule>
        result={result}
        list={list}
        columns={columns}
        rowKey={(r) => `${r.productId}:${r.warehouseId}`}
        onRow={() => ({ 'data-testid': 'rule-row' } as React.HTMLAttributes<HTMLElement>)}
      />
      <ReorderRuleModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
