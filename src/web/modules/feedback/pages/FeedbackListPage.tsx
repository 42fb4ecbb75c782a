import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Rate, Select, Statistic, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../shared/components/DataTable';
import { ListToolbar } from '../../../shared/components/ListToolbar';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { feedback, type FeedbackItem } from '../api';

/** 客户评价: the ratings customers gave from their link after delivery, newest first, with the average; filter by stars. */
export default function FeedbackListPage() {
  const { t } = useTranslation();
  const list = useListParams(['rating', 'orderId']);
  const f = list.params.filters;
  const result = useQuery({ queryKey: ['feedback', 'list', list.query], queryFn: () => feedback.list(list.query), placeholderData: keepPreviousData });
  const average = result.data?.average;
  const columns: TableColumnsType<FeedbackItem> = [
    { title: t('fb.rating'), dataIndex: 'rating', key: 'rating', render: (v: number) => <span data-testid="feedback-rating" data-rating={v}><Rate disabled value={v} style={{ fontSize: 14 }} /></span> },
    { title: t('fb.comment'), dataIndex: 'comment', key: 'comment', render: (v: string | null) => (v ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{v}</Typography.Text> : <Typography.Text type="secondary">{t('fb.noComment')}</Typography.Text>) },
    { title: t('fb.order'), dataIndex: 'orderNumber', key: 'order', render: (v: string, r) => <Link to={`/sales-orders/${r.orderId}`}>{v}</Link> },
    { title: t('fb.customer'), dataIndex: 'customerName', key: 'customer' },
    { title: t('fb.answeredAt'), dataIndex: 'answeredAt', key: 'answeredAt', render: formatDateTime },
  ];
  return (
    <>
      <PageHeader
        title={t('fb.title')}
        extra={average != null && <Statistic title={t('fb.average')} value={average} precision={1} suffix="/ 5" valueStyle={{ fontSize: 18 }} />}
      />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('fb.searchPlaceholder')}>
        <Select allowClear style={{ width: 140 }} placeholder={t('fb.allRatings')} value={f.rating} aria-label={t('fb.rating')} onChange={(v) => list.update({ rating: v })}
          options={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t('fb.stars', { n }) }))} />
      </ListToolbar>
      <DataTable<FeedbackItem> result={result} list={list} columns={columns} onRow={() => ({ 'data-testid': 'feedback-row' } as React.HTMLAttributes<HTMLElement>)} />
    </>
  );
}
