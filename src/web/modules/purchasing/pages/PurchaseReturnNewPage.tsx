import { ArrowLeftOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Input, InputNumber, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { newIdempotencyKey } from '../../../shared/api/idempotency';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { formatMoney } from '../../../shared/lib/format';
import { purchaseReceipts, purchaseReturns, type ReceiptLine } from '../api';
import { useReceiptReturns } from '../use-receipt-returns';

/** 采购退货 from a receipt: how many of each line go back (at most received − returned, in base units), the reason; posts the return. */
export default function PurchaseReturnNewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const receipt = useQuery({ queryKey: ['purchaseReceipts', 'one', id], queryFn: () => purchaseReceipts.get(id) });
  const { returned, loaded, error } = useReceiptReturns(id);
  const [quantities, setQuantities] = useState<Record<string, number | null>>({});
  const [reason, setReason] = useState('');
  const [lineErrors, setLineErrors] = useState<Record<string, string>>({});
  const [idemKey] = useState(newIdempotencyKey);

  const r = receipt.data;
  const chosen = (r?.lines ?? []).filter((l) => (quantities[l.id] ?? 0) > 0);
  const post = useMutation({
    mutationFn: () => purchaseReturns.create({
      supplierId: r?.supplierId ?? '', receiptId: id, reason: reason.trim() || undefined,
      lines: chosen.map((l) => ({ receiptLineId: l.id, quantity: quantities[l.id] ?? 0, unit: l.baseUnit })),
    }, idemKey),
    onSuccess: async (ret) => {
      message.success(t('prt.posted', { number: ret.number }));
      await qc.invalidateQueries({ queryKey: ['purchaseReturns'] });
      navigate(`/purchase-returns/${ret.id}`);
    },
    onError: (e) => {
      // The server names lines by their place in what was sent: put each message on its receipt line.
      const errs: Record<string, string> = {};
      if (e instanceof ApiError) for (const f of e.fieldErrors) {
        const m = /^lines\.(\d+)\./.exec(f.field);
        const line = m ? chosen[Number(m[1])] : undefined;
        if (line) errs[line.id] = f.message;
      }
      setLineErrors(errs);
      message.error(errorMessage(e));
    },
  });

  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(`/purchase-receipts/${id}`)} aria-label={t('action.back')} />;
  const failed = receipt.error ?? error;
  if (failed) return <><PageHeader title={t('prt.new')} back={back} /><Alert type="error" showIcon title={errorMessage(failed)} /></>;
  if (!r || !loaded) return <Skeleton active />;
  const left = (l: ReceiptLine) => Math.max(0, l.baseQuantity - (returned.get(l.id) ?? 0));
  const nothingLeft = r.lines.every((l) => left(l) === 0);

  const columns: TableColumnsType<ReceiptLine> = [
    { key: 'no', title: '#', dataIndex: 'lineNo', width: 40 },
    { key: 'product', title: t('pur.product'), render: (_, l) => <><Typography.Text strong>{l.sku}</Typography.Text> {l.productName}</> },
    { key: 'received', title: t('prt.received'), align: 'right', render: (_, l) => `${l.baseQuantity} ${l.baseUnit}` },
    { key: 'returned', title: t('prt.returnedBefore'), align: 'right', render: (_, l) => returned.get(l.id) ?? 0 },
    { key: 'left', title: t('prt.returnable'), align: 'right', render: (_, l) => <span data-testid="returnable">{left(l)}</span> },
    { key: 'unitCost', title: t('prt.unitCost'), align: 'right', render: (_, l) => `${formatMoney(l.unitCost)}/${l.baseUnit}` },
    {
      key: 'quantity', title: t('prt.quantity'), width: 170,
      render: (_, l) => (
        <Flex vertical gap={2}>
          <InputNumber<number>
            min={0}
            max={left(l)}
            precision={0}
            disabled={left(l) === 0}
            value={quantities[l.id] ?? null}
            onChange={(v) => setQuantities((m) => ({ ...m, [l.id]: v }))}
            aria-label={t('prt.quantityLabel', { sku: l.sku })}
            status={lineErrors[l.id] ? 'error' : undefined}
            suffix={l.baseUnit}
            style={{ width: 140 }}
          />
          {lineErrors[l.id] && <Typography.Text type="danger" style={{ fontSize: 12, maxWidth: 260, whiteSpace: 'normal' }} data-testid="line-error">{lineErrors[l.id]}</Typography.Text>}
        </Flex>
      ),
    },
  ];

  const confirm = () =>
    modal.confirm({
      title: t('prt.post'),
      content: t('prt.postConfirm', { warehouse: r.warehouseName }),
      okText: t('prt.post'),
      cancelText: t('action.cancel'),
      onOk: () => post.mutateAsync().catch(() => undefined),
    });

  return (
    <>
      <PageHeader title={t('prt.newFrom', { number: r.number })} back={back} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('prt.receipt')}><Link to={`/purchase-receipts/${r.id}`}>{r.number}</Link></Descriptions.Item>
          <Descriptions.Item label={t('prt.supplier')}>{r.supplierName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('prt.warehouse')}>{r.warehouseName}</Descriptions.Item>
        </Descriptions>
      </Card>
      {nothingLeft && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('prt.nothingLeft')} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Table<ReceiptLine> rowKey="id" size="small" pagination={false} columns={columns} dataSource={r.lines} scroll={{ x: 'max-content' }}
          onRow={() => ({ 'data-testid': 'return-line' } as React.HTMLAttributes<HTMLElement>)} />
      </Card>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Text strong>{t('prt.reason')}</Typography.Text>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={2} placeholder={t('prt.reasonPlaceholder')} aria-label={t('prt.reason')} style={{ marginTop: 8 }} />
      </Card>
      <Flex justify="flex-end">
        <Button type="primary" danger icon={<RollbackOutlined />} disabled={chosen.length === 0 || !r.supplierId} loading={post.isPending} onClick={confirm}>
          {t('prt.post')}
        </Button>
      </Flex>
    </>
  );
}
