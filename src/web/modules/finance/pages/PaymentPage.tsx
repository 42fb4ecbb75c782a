import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, InputNumber, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { newIdempotencyKey } from '../../../shared/api/idempotency';
import { PageHeader } from '../../../shared/components/PageHeader';
import { applyFieldErrors, errorMessage } from '../../../shared/lib/errors';
import { fenToYuan, formatMoney, yuanToFen } from '../../../shared/lib/format';
import { finance, partyOf, paymentMethods, type Item, type Side } from '../api';
import { PartySelect } from '../components/PartySelect';

const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

/** 收款 / 付款: a payment for one customer or supplier, allocated (核销) to its open items, oldest due first or by hand. */
export default function PaymentPage({ side }: { side: Side }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [sp] = useSearchParams();
  const [partyId, setPartyId] = useState<string | undefined>(sp.get('partyId') ?? undefined);
  const [form] = Form.useForm();
  const amount = yuanToFen(Form.useWatch('amount', form)) ?? 0;
  const [alloc, setAlloc] = useState<Record<string, number>>({});
  const key = useRef(newIdempotencyKey());
  const open = useQuery({
    queryKey: ['finance', side, 'items', 'open', partyId], queryFn: () => finance.items(side, { partyId, status: 'open', pageSize: 500 }), enabled: !!partyId, staleTime: 0,
  });
  const owed = useMemo(() => (open.data?.items ?? []).filter((i) => i.open > 0), [open.data]);
  const sum = owed.reduce((s, i) => s + (alloc[i.id] ?? 0), 0);
  const overItem = owed.find((i) => (alloc[i.id] ?? 0) > i.open);
  const over = sum > amount;

  const save = useMutation({
    mutationFn: (v: { date?: string; method: string; reference?: string; note?: string }) => finance.pay(side, {
      partyId: partyId!, amount, date: v.date || undefined, method: v.method, reference: v.reference || undefined, note: v.note || undefined,
      allocations: owed.filter((i) => (alloc[i.id] ?? 0) > 0).map((i) => ({ itemId: i.id, amount: alloc[i.id] })),
    }, key.current),
    onSuccess: (p) => {
      message.success(t('fin.saved', { number: p.number }));
      void qc.invalidateQueries({ queryKey: ['finance', side] });
      navigate(`/finance/${side}?tab=payments&partyId=${p.partyId}`);
    },
    onError: (err) => {
      key.current = newIdempotencyKey();
      applyFieldErrors(form, err);
      message.error(errorMessage(err));
    },
  });

  /** Fills the allocations oldest due first up to the amount. */
  const auto = () => {
    let left = amount;
    const next: Record<string, number> = {};
    for (const i of owed) {
      const x = Math.min(left, i.open);
      if (x > 0) next[i.id] = x;
      left -= x;
    }
    setAlloc(next);
  };

  const columns: TableColumnsType<Item> = [
    { title: t('fin.number'), dataIndex: 'number', key: 'number' },
    { title: t('fin.source'), dataIndex: 'sourceNumber', key: 'source' },
    { title: t('fin.docDate'), dataIndex: 'docDate', key: 'docDate' },
    { title: t('fin.dueDate'), dataIndex: 'dueDate', key: 'dueDate', render: (v: string, r) => (r.daysOverdue > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v) },
    { title: t('fin.total'), dataIndex: 'total', key: 'total', align: 'right', render: formatMoney },
    { title: t('fin.open'), dataIndex: 'open', key: 'open', align: 'right', render: formatMoney },
    {
      title: t('fin.allocate'), key: 'allocate', render: (_: unknown, r) => (
        <InputNumber<number>
          min={0} precision={2} style={{ width: 130 }} aria-label={`${t('fin.allocate')} ${r.number}`}
          status={(alloc[r.id] ?? 0) > r.open ? 'error' : undefined}
          value={fenToYuan(alloc[r.id] ?? null)}
          onChange={(v) => setAlloc((a) => ({ ...a, [r.id]: yuanToFen(v) ?? 0 }))}
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t(side === 'receivables' ? 'fin.receive' : 'fin.pay')} back={<Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(`/finance/${side}`)} aria-label={t('action.back')} />} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form form={form} layout="vertical" initialValues={{ method: 'bank', date: today() }} onFinish={(v) => save.mutate(v)}>
          <Flex gap={16} wrap="wrap">
            <Form.Item label={t(`fin.${partyOf[side]}`)} required style={{ minWidth: 280 }}>
              <PartySelect side={side} value={partyId} onChange={(id) => { setPartyId(id); setAlloc({}); }} />
            </Form.Item>
            <Form.Item name="amount" label={t(`fin.amount.${side}`)} rules={[{ required: true }]}>
              <InputNumber<number> min={0.01} precision={2} prefix="¥" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="date" label={t(`fin.date.${side}`)}><Input type="date" style={{ width: 160 }} /></Form.Item>
            <Form.Item name="method" label={t('fin.method')}>
              <Select style={{ width: 140 }} options={paymentMethods.map((m) => ({ value: m, label: t(`fin.methods.${m}`) }))} />
            </Form.Item>
            <Form.Item name="reference" label={t('fin.reference')}><Input maxLength={100} style={{ width: 200 }} /></Form.Item>
            <Form.Item name="note" label={t('fin.note')}><Input maxLength={500} style={{ width: 240 }} /></Form.Item>
          </Flex>
        </Form>
      </Card>
      {partyId && (
        <Card size="small" title={t(`fin.tabs.items.${side}`)} extra={<Button onClick={auto} disabled={!amount || owed.length === 0}>{t('fin.autoAllocate')}</Button>}>
          {open.isError && <Alert type="error" showIcon title={errorMessage(open.error)} />}
          {owed.length === 0 && !open.isFetching ? <Empty description={t('fin.noOpen')} /> : (
            <Table<Item> rowKey="id" size="small" scroll={{ x: 'max-content' }} loading={open.isFetching} columns={columns} dataSource={owed} pagination={false} />
          )}
        </Card>
      )}
      <Flex gap={16} align="center" wrap="wrap" style={{ marginTop: 12 }}>
        <span data-testid="fin-allocated-sum">{t('fin.allocatedSum', { sum: formatMoney(sum), rest: formatMoney(Math.max(0, amount - sum)), kind: t(`fin.advance.${side}`) })}</span>
        {over && <Typography.Text type="danger">{t('fin.overAllocated', { what: t(`fin.amount.${side}`) })}</Typography.Text>}
        {overItem && <Typography.Text type="danger">{t('fin.overItem', { number: overItem.number, open: formatMoney(overItem.open) })}</Typography.Text>}
        <Button type="primary" loading={save.isPending} disabled={!partyId || !amount || over || !!overItem} onClick={() => form.submit()}>{t('fin.save')}</Button>
      </Flex>
    </>
  );
}
