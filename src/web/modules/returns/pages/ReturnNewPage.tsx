import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, InputNumber, Select, Skeleton, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { newIdempotencyKey } from '../../../shared/api/idempotency';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { salesOrders, type SalesOrderLine } from '../../sales/api';
import { returnReasons, salesReturns } from '../api';

type Pick = { quantity: number | null; reason: string; note: string };

/** 新建退货单 from a shipped order: a quantity (up to what shipped) and a reason per line; the server's refusals show on their line. */
export default function ReturnNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [sp] = useSearchParams();
  const orderId = sp.get('orderId') ?? '';
  const order = useQuery({ queryKey: ['salesOrders', 'one', orderId], queryFn: () => salesOrders.get(orderId), enabled: !!orderId });
  const [picks, setPicks] = useState<Record<string, Pick>>({});
  const [note, setNote] = useState('');
  const [lineErrors, setLineErrors] = useState<Record<string, string>>({});
  const key = useRef(newIdempotencyKey());
  const chosen = Object.entries(picks).filter(([, p]) => p.quantity);
  const save = useMutation({
    mutationFn: () => salesReturns.create({
      orderId, note: note.trim() || undefined,
      lines: chosen.map(([orderLineId, p]) => ({ orderLineId, quantity: p.quantity!, unit: order.data!.lines.find((l) => l.id === orderLineId)!.baseUnit, reason: p.reason, note: p.note.trim() || undefined })),
    }, key.current),
    onSuccess: (r) => {
      message.success(t('rma.created', { number: r.number }));
      navigate(`/sales-returns/${r.id}`);
    },
    onError: (e) => {
      key.current = newIdempotencyKey();
      const byLine: Record<string, string> = {};
      if (e instanceof ApiError) {
        for (const f of e.fieldErrors) {
          const m = /^lines\.(\d+)\./.exec(f.field);
          if (m && chosen[Number(m[1])]) byLine[chosen[Number(m[1])][0]] = f.message;
        }
      }
      setLineErrors(byLine);
    },
  });
  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('action.back')} />;
  if (order.error) return <><PageHeader title={t('rma.add')} back={back} /><Alert type="error" showIcon title={errorMessage(order.error)} /></>;
  if (!order.data) return <Skeleton active />;
  const o = order.data;
  const pick = (id: string): Pick => picks[id] ?? { quantity: null, reason: 'damaged', note: '' };
  const set = (id: string, patch: Partial<Pick>) => setPicks((p) => ({ ...p, [id]: { ...pick(id), ...patch } }));
  const lines = o.lines.filter((l) => l.shipped > 0);
  return (
    <div style={{ maxWidth: 1100 }}>
      <PageHeader title={t('rma.newTitle', { number: o.number })} back={back} />
      <Typography.Paragraph type="secondary">{o.customerName}</Typography.Paragraph>
      {save.error && !Object.keys(lineErrors).length && <Alert type="error" showIcon title={errorMessage(save.error)} style={{ marginBottom: 12 }} data-testid="return-error" />}
      <Card size="small">
        <Table<SalesOrderLine> rowKey="id" dataSource={lines} pagination={false} size="small" scroll={{ x: 800 }}
          onRow={() => ({ 'data-testid': 'return-new-line' } as React.HTMLAttributes<HTMLElement>)}
          columns={[
            { title: t('rma.product'), key: 'p', render: (_, l) => <>{l.productName}<div><Typography.Text type="secondary">{l.sku}</Typography.Text></div></> },
            { title: t('rma.returnable'), key: 'shipped', align: 'right', render: (_, l) => `${l.shipped} ${l.baseUnit}` },
            {
              title: t('rma.quantity'), key: 'q', width: 140, render: (_, l) => (
                <>
                  <InputNumber min={0} max={l.shipped} precision={0} value={pick(l.id).quantity} onChange={(v) => set(l.id, { quantity: v })} aria-label={`${t('rma.quantity')} ${l.sku}`} status={lineErrors[l.id] ? 'error' : undefined} />
                  {lineErrors[l.id] && <div><Typography.Text type="danger" data-testid="line-error">{lineErrors[l.id]}</Typography.Text></div>}
                </>
              ),
            },
            { title: t('rma.reason'), key: 'r', width: 160, render: (_, l) => <Select style={{ width: 150 }} value={pick(l.id).reason} onChange={(v) => set(l.id, { reason: v })} options={returnReasons.map((r) => ({ value: r, label: t(`rma.reasons.${r}`) }))} aria-label={`${t('rma.reason')} ${l.sku}`} /> },
            { title: t('rma.note'), key: 'n', render: (_, l) => <Input maxLength={500} value={pick(l.id).note} onChange={(e) => set(l.id, { note: e.target.value })} /> },
          ]}
        />
        <Input.TextArea style={{ marginTop: 12 }} rows={2} maxLength={1000} placeholder={t('rma.note')} value={note} onChange={(e) => setNote(e.target.value)} />
        <div style={{ marginTop: 12, textAlign: 'right' }}>
          <Button type="primary" disabled={!chosen.length} loading={save.isPending} onClick={() => save.mutate()} data-testid="submit-return">{t('rma.submit')}</Button>
          {!chosen.length && <div><Typography.Text type="secondary">{t('rma.chooseLines')}</Typography.Text></div>}
        </div>
      </Card>
    </div>
  );
}
