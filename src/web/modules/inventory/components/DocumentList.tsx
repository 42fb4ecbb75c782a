import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Grid, Select, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { DataTable } from '../../../shared/components/DataTable';
import { ListToolbar } from '../../../shared/components/ListToolbar';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { documentKinds, stock, type Adjustment } from '../api';
import { AdjustmentDrawer } from './AdjustmentDrawer';
import { DocumentKindTag } from './Kinds';
import { PhoneList } from './PhoneList';
import { WarehouseSelect } from './WarehouseSelect';

type Props = { title: string; /** Only this kind (期初); otherwise a kind filter is offered. */ kind?: 'opening'; newPath: string; newLabel: string };

/** Stock documents newest first, filtered by warehouse and kind; a row (or ?open=id) shows the document in a drawer. */
export function DocumentList({ title, kind, newPath, newLabel }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const phone = Grid.useBreakpoint().md === false;
  const list = useListParams(['warehouseId', 'kind', 'open']);
  const { open: openId, ...filters } = list.params.filters;
  const query = { ...list.query, open: undefined, kind: kind ?? filters.kind };
  const result = useQuery({ queryKey: ['stock', 'adjustments', query], queryFn: () => stock.adjustments(query), placeholderData: keepPreviousData });
  // Opening and closing the drawer keeps the page the list is on.
  const open = (id: string | undefined) => list.update({ open: id, page: list.params.page });

  const columns: TableColumnsType<Adjustment> = [
    { title: t('stock.docs.number'), dataIndex: 'number', key: 'number', render: (v: string) => <a>{v}</a> },
    { title: t('stock.docs.kind'), dataIndex: 'kind', key: 'kind', render: (k: string) => <DocumentKindTag kind={k} /> },
    { title: t('stock.warehouse'), dataIndex: 'warehouseName', key: 'warehouseName' },
    { title: t('stock.docs.lineCount'), dataIndex: 'lineCount', key: 'lineCount', align: 'right' },
    { title: t('stock.docs.costAmount'), dataIndex: 'costAmount', key: 'costAmount', align: 'right', render: formatMoney },
    { title: t('stock.docs.maker'), dataIndex: 'actorName', key: 'actorName' },
    { title: t('stock.docs.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime },
    { title: t('stock.docs.note'), dataIndex: 'note', key: 'note', ellipsis: true },
  ];

  const card = (d: Adjustment) => (
    <>
      <Flex justify="space-between" gap={8}>
        <Typography.Text strong>{d.number}</Typography.Text>
        <DocumentKindTag kind={d.kind} />
      </Flex>
      <Flex justify="space-between" gap={8} style={{ fontSize: 13, marginTop: 4 }}>
        <span>{d.warehouseName} · {t('stock.docs.lineCount')} {d.lineCount}</span>
        <span>{formatMoney(d.costAmount)}</span>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[d.actorName, formatDateTime(d.createdAt), d.note].filter(Boolean).join(' · ')}</Typography.Text>
    </>
  );

  return (
    <>
      <PageHeader
        title={title}
        extra={can('stock:adjust') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(newPath)}>{newLabel}</Button>
        )}
      />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('stock.docs.searchPlaceholder')}>
        <WarehouseSelect
          allowClear
          placeholder={t('stock.allWarehouses')}
          aria-label={t('stock.warehouse')}
          value={filters.warehouseId}
          onChange={(v) => list.update({ warehouseId: v })}
          style={{ width: 150 }}
        />
        {!kind && (
          <Select
            allowClear
            placeholder={t('stock.docs.allKinds')}
            aria-label={t('stock.docs.kind')}
            value={filters.kind}
            onChange={(v) => list.update({ kind: v })}
            options={documentKinds.map((k) => ({ value: k, label: t(`stock.docs.kinds.${k}`) }))}
            style={{ width: 120 }}
          />
        )}
      </ListToolbar>
      {phone ? (
        <PhoneList<Adjustment> result={result} list={list} rowKey={(d) => d.id} renderItem={card} onOpen={(d) => open(d.id)} testId="document-row" />
      ) : (
        <DataTable<Adjustment>
          result={result}
          list={list}
          columns={columns}
          onRow={(d) => ({ onClick: () => open(d.id), style: { cursor: 'pointer' }, 'data-testid': 'document-row' }) as HTMLAttributes<HTMLElement>}
        />
      )}
      <AdjustmentDrawer id={openId} onClose={() => open(undefined)} />
    </>
  );
}
