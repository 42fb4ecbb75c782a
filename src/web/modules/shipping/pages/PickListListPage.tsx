import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex, Grid, Tabs, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DataTable } from '../../../shared/components/DataTable';
import { ListToolbar } from '../../../shared/components/ListToolbar';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { PhoneList } from '../../inventory/components/PhoneList';
import { pickLists, type PickListSummary } from '../api';
import { PickStatusTag } from '../components/Tags';

/** 拣货单 list: open ones first (the tab a picker lands on), one card per list on a phone. */
export default function PickListListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const list = useListParams(['status']);
  const status = list.params.filters.status ?? 'open';
  const query = { ...list.query, status: status === 'all' ? undefined : status };
  const result = useQuery({ queryKey: ['pickLists', 'list', query], queryFn: () => pickLists.list(query), placeholderData: keepPreviousData });
  const open = (p: PickListSummary) => navigate(`/pick-lists/${p.id}`);

  const columns: TableColumnsType<PickListSummary> = [
    { title: t('ship.pick.number'), dataIndex: 'number', key: 'number', render: (v: string) => <a>{v}</a> },
    { title: t('status.label'), dataIndex: 'status', key: 'status', render: (s: PickListSummary['status']) => <PickStatusTag status={s} /> },
    { title: t('ship.pick.orderCount'), dataIndex: 'orderCount', key: 'orderCount', align: 'right' },
    { title: t('ship.pick.lineCount'), dataIndex: 'lineCount', key: 'lineCount', align: 'right' },
    { title: t('ship.maker'), dataIndex: 'actorName', key: 'actorName' },
    { title: t('ship.createdAt'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime },
    { title: t('ship.pick.completedAt'), dataIndex: 'completedAt', key: 'completedAt', render: formatDateTime },
    { title: t('ship.note'), dataIndex: 'note', key: 'note', ellipsis: true },
  ];
  const card = (p: PickListSummary) => (
    <>
      <Flex justify="space-between" gap={8} align="center">
        <Typography.Text strong style={{ fontSize: 16 }}>{p.number}</Typography.Text>
        <PickStatusTag status={p.status} />
      </Flex>
      <div style={{ fontSize: 14, marginTop: 4 }}>{t('ship.pick.orderCount')} {p.orderCount} · {t('ship.pick.lineCount')} {p.lineCount}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[p.actorName, formatDateTime(p.createdAt), p.note].filter(Boolean).join(' · ')}</Typography.Text>
    </>
  );

  return (
    <>
      <PageHeader title={t('ship.pick.title')} />
      <Tabs
        activeKey={status}
        onChange={(k) => list.update({ status: k })}
        size="small"
        style={{ marginBottom: 4 }}
        items={[
          { key: 'open', label: t('ship.pick.statuses.open') },
          { key: 'completed', label: t('ship.pick.statuses.completed') },
          { key: 'all', label: t('ship.pick.allTab') },
        ]}
      />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('ship.pick.searchPlaceholder')} />
      {phone ? (
        <PhoneList<PickListSummary> result={result} list={list} rowKey={(p) => p.id} renderItem={card} onOpen={open} testId="pick-list-row" />
      ) : (
        <DataTable<PickListSummary>
          result={result}
          list={list}
          columns={columns}
          onRow={(p) => ({ onClick: () => open(p), style: { cursor: 'pointer' }, 'data-testid': 'pick-list-row' }) as HTMLAttributes<HTMLElement>}
        />
      )}
    </>
  );
}
