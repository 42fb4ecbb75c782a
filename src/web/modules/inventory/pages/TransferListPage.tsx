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
import { TransferStatusTag } from '../components/MoveTags';
import { PhoneList } from '../components/PhoneList';
import { WarehouseSelect } from '../components/WarehouseSelect';
import { transferStatuses, transfers, type Transfer } from '../transfer-api';

type Row = Omit<Transfer, 'lines'>;

/** 调拨单 list: status tabs, search, a warehouse filter (from or to); a row opens the transfer. */
export default function TransferListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const phone = Grid.useBreakpoint().md === false;
  const list = useListParams(['status', 'warehouseId']);
  const f = list.params.filters;
  const result = useQuery({ queryKey: ['stock', 'transfers', 'list', list.query], queryFn: () => transfers.list(list.query), placeholderData: keepPreviousData });
  const open = (r: Row) => navigate(`/stock/transfers/${r.id}`);

  const columns: TableColumnsType<Row> = [
    { title: t('xfer.number'), dataIndex: 'number', key: 'number', render: (v: string, r) => <Link to={`/stock/transfers/${r.id}`}>{v}</Link> },
    { title: t('xfer.status'), dataIndex: 'status', key: 'status', render: (s: Row['status']) => <TransferStatusTag status={s} /> },
    { title: t('xfer.from'), dataIndex: 'fromWarehouseName', key: 'from' },
    { title: t('xfer.to'), dataIndex: 'toWarehouseName', key: 'to' },
    { title: t('xfer.lineCount'), dataIndex: 'lineCount', key: 'lineCount', align: 'right' },
    { title: t('xfer.inTransit'), dataIndex: 'inTransit', key: 'inTransit', align: 'right', render: (n: number) => (n ? <Typography.Text strong>{n}</Typography.Text> : '—') },
    { title: t('xfer.costAmount'), dataIndex: 'costAmount', key: 'costAmount', align: 'right', render: formatMoney },
    { title: t('xfer.maker'), dataIndex: 'actorName', key: 'actorName' },
    { title: t('xfer.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime },
    { title: t('xfer.note'), dataIndex: 'note', key: 'note', ellipsis: true },
  ];

  const card = (r: Row) => (
    <>
      <Flex justify="space-between" gap={8}>
        <Typography.Text strong>{r.number}</Typography.Text>
        <TransferStatusTag status={r.status} />
      </Flex>
      <div style={{ fontSize: 13, marginTop: 4 }}>{r.fromWarehouseName} → {r.toWarehouseName}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[`${t('xfer.lineCount')} ${r.lineCount}`, r.inTransit ? `${t('xfer.inTransit')} ${r.inTransit}` : '', formatDateTime(r.createdAt), r.note].filter(Boolean).join(' · ')}
      </Typography.Text>
    </>
  );

  return (
    <>
      <PageHeader
        title={t('xfer.title')}
        extra={can('stock:adjust') && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/stock/transfers/new')}>{t('xfer.add')}</Button>}
      />
      <Tabs
        activeKey={f.status ?? 'all'}
        onChange={(k) => list.update({ status: k === 'all' ? undefined : k })}
        size="small"
        style={{ marginBottom: 4 }}
        items={[{ key: 'all', label: t('xfer.allTab') }, ...transferStatuses.map((s) => ({ key: s, label: t(`xfer.statuses.${s}`) }))]}
      />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('xfer.searchPlaceholder')}>
        <WarehouseSelect allowClear placeholder={t('xfer.allWarehouses')} aria-label={t('cnt.warehouse')} value={f.warehouseId} onChange={(v) => list.update({ warehouseId: v })} style={{ width: 150 }} />
      </ListToolbar>
      {phone ? (
        <PhoneList<Row> result={result} list={list} rowKey={(r) => r.id} renderItem={card} onOpen={open} testId="transfer-row" />
      ) : (
        <DataTable<Row>
          result={result}
          list={list}
          columns={columns}
          onRow={(r) => ({ onClick: (e) => !(e.target as HTMLElement).closest('a') && open(r), style: { cursor: 'pointer' }, 'data-testid': 'transfer-row' }) as HTMLAttributes<HTMLElement>}
        />
      )}
    </>
  );
}
