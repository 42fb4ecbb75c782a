import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Grid, Tabs, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { DataTable } from '../../../shared/components/DataTable';
import { ListToolbar } from '../../../shared/components/ListToolbar';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { countStatuses, stockCounts, type StockCount } from '../count-api';
import { CountScopeText } from '../components/CountScope';
import { CountStatusTag } from '../components/MoveTags';
import { PhoneList } from '../components/PhoneList';
import { WarehouseSelect } from '../components/WarehouseSelect';

/** 盘点单 list: status tabs, search, warehouse filter; a row opens the count (scanning on a phone while it is counting). */
export default function CountListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const phone = Grid.useBreakpoint().md === false;
  const list = useListParams(['status', 'warehouseId']);
  const f = list.params.filters;
  const result = useQuery({ queryKey: ['stock', 'counts', 'list', list.query], queryFn: () => stockCounts.list(list.query), placeholderData: keepPreviousData });
  const open = (c: StockCount) => navigate(phone && c.status === 'counting' && can('stock:adjust') ? `/stock/counts/${c.id}/scan` : `/stock/counts/${c.id}`);

  const columns: TableColumnsType<StockCount> = [
    { title: t('cnt.number'), dataIndex: 'number', key: 'number', render: (v: string, c) => <Link to={`/stock/counts/${c.id}`}>{v}</Link> },
    { title: t('cnt.status'), dataIndex: 'status', key: 'status', render: (s: StockCount['status']) => <CountStatusTag status={s} /> },
    { title: t('cnt.warehouse'), dataIndex: 'warehouseName', key: 'warehouse' },
    { title: t('cnt.scope'), key: 'scope', render: (_, c) => <CountScopeText count={c} /> },
    { title: t('cnt.countedLines'), key: 'counted', align: 'right', render: (_, c) => `${c.countedLines} / ${c.lineCount}` },
    { title: t('cnt.gainAmount'), dataIndex: 'gainAmount', key: 'gainAmount', align: 'right', render: (v: number, c) => (c.status === 'approved' ? formatMoney(v) : '—') },
    { title: t('cnt.lossAmount'), dataIndex: 'lossAmount', key: 'lossAmount', align: 'right', render: (v: number, c) => (c.status === 'approved' ? formatMoney(v) : '—') },
    { title: t('cnt.maker'), dataIndex: 'actorName', key: 'actorName' },
    { title: t('cnt.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime },
    { title: t('cnt.note'), dataIndex: 'note', key: 'note', ellipsis: true },
  ];

  const card = (c: StockCount) => (
    <>
      <Flex justify="space-between" gap={8}>
        <Typography.Text strong>{c.number}</Typography.Text>
        <CountStatusTag status={c.status} />
      </Flex>
      <div style={{ fontSize: 13, marginTop: 4 }}>{c.warehouseName} · <CountScopeText count={c} /></div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[t('cnt.progress', { counted: c.countedLines, lines: c.lineCount }), formatDateTime(c.createdAt), c.note].filter(Boolean).join(' · ')}
      </Typography.Text>
    </>
  );

  return (
    <>
      <PageHeader
        title={t('cnt.title')}
        extra={can('stock:adjust') && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/stock/counts/new')}>{t('cnt.add')}</Button>}
      />
      <Tabs
        activeKey={f.status ?? 'all'}
        onChange={(k) => list.update({ status: k === 'all' ? undefined : k })}
        size="small"
        style={{ marginBottom: 4 }}
        items={[{ key: 'all', label: t('cnt.allTab') }, ...countStatuses.map((s) => ({ key: s, label: t(`cnt.statuses.${s}`) }))]}
      />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('cnt.searchPlaceholder')}>
        <WarehouseSelect allowClear placeholder={t('cnt.allWarehouses')} aria-label={t('cnt.warehouse')} value={f.warehouseId} onChange={(v) => list.update({ warehouseId: v })} style={{ width: 150 }} />
      </ListToolbar>
      {phone ? (
        <PhoneList<StockCount> result={result} list={list} rowKey={(c) => c.id} renderItem={card} onOpen={open} testId="count-row" />
      ) : (
        <DataTable<StockCount>
          result={result}
          list={list}
          columns={columns}
          onRow={(c) => ({ onClick: (e) => !(e.target as HTMLElement).closest('a') && open(c), style: { cursor: 'pointer' }, 'data-testid': 'count-row' }) as HTMLAttributes<HTMLElement>}
        />
      )}
    </>
  );
}
