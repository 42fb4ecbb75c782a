import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex, Grid, Tabs, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DataTable } from '../../../shared/components/DataTable';
import { ListToolbar } from '../../../shared/components/ListToolbar';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { PhoneList } from '../../inventory/components/PhoneList';
import { shipments, trackingStatuses, type ShipmentSummary } from '../api';
import { ShipmentStatusTag } from '../components/Tags';

/** 发货单 list, newest first, by tracking status; search finds a number, an order, a customer or a tracking number. */
export default function ShipmentListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const list = useListParams(['status']);
  const result = useQuery({ queryKey: ['shipments', 'list', list.query], queryFn: () => shipments.list(list.query), placeholderData: keepPreviousData });
  const open = (s: ShipmentSummary) => navigate(`/shipments/${s.id}`);

  const columns: TableColumnsType<ShipmentSummary> = [
    { title: t('ship.shipment.number'), dataIndex: 'number', key: 'number', render: (v: string) => <a>{v}</a> },
    { title: t('ship.order'), dataIndex: 'orderNumber', key: 'orderNumber' },
    { title: t('ship.customer'), dataIndex: 'customerName', key: 'customerName' },
    { title: t('status.label'), dataIndex: 'status', key: 'status', render: (s: ShipmentSummary['status']) => <ShipmentStatusTag status={s} /> },
    { title: t('ship.shipment.carrier'), dataIndex: 'carrierName', key: 'carrierName' },
    { title: t('ship.shipment.trackingNumber'), dataIndex: 'trackingNumber', key: 'trackingNumber' },
    { title: t('ship.warehouse'), dataIndex: 'warehouseName', key: 'warehouseName' },
    { title: t('ship.shipment.costAmount'), dataIndex: 'costAmount', key: 'costAmount', align: 'right', render: formatMoney },
    { title: t('ship.shipment.expectedDate'), dataIndex: 'expectedDate', key: 'expectedDate' },
    { title: t('ship.shipment.shippedAt'), dataIndex: 'shippedAt', key: 'shippedAt', render: formatDateTime },
  ];
  const card = (s: ShipmentSummary) => (
    <>
      <Flex justify="space-between" gap={8} align="center">
        <Typography.Text strong style={{ fontSize: 15 }}>{s.number}</Typography.Text>
        <ShipmentStatusTag status={s.status} />
      </Flex>
      <div style={{ fontSize: 14, marginTop: 2 }}>{s.customerName} · {s.orderNumber}</div>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>{[s.carrierName, s.trackingNumber, formatDateTime(s.shippedAt)].filter(Boolean).join(' · ')}</Typography.Text>
    </>
  );

  return (
    <>
      <PageHeader title={t('ship.shipment.title')} />
      <Tabs
        activeKey={list.params.filters.status ?? 'all'}
        onChange={(k) => list.update({ status: k === 'all' ? undefined : k })}
        size="small"
        style={{ marginBottom: 4 }}
        items={[{ key: 'all', label: t('ship.shipment.allTab') }, ...(['shipped', ...trackingStatuses] as const).map((s) => ({ key: s, label: t(`ship.shipment.statuses.${s}`) }))]}
      />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('ship.shipment.searchPlaceholder')} />
      {phone ? (
        <PhoneList<ShipmentSummary> result={result} list={list} rowKey={(s) => s.id} renderItem={card} onOpen={open} testId="shipment-row" />
      ) : (
        <DataTable<ShipmentSummary>
          result={result}
          list={list}
          columns={columns}
          onRow={(s) => ({ onClick: () => open(s), style: { cursor: 'pointer' }, 'data-testid': 'shipment-row' }) as HTMLAttributes<HTMLElement>}
        />
      )}
    </>
  );
}
