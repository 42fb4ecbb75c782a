import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Popconfirm, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { finance, partyOf, type Payment, type Side } from '../api';

type Allocation = NonNullable<Payment['allocations']>[number] & { actorName?: string | null; createdAt?: string };

/** A payment with what it was allocated to; finance may reverse an allocation (反核销). */
export function PaymentDrawer({ side, id, canWrite, onClose }: { side: Side; id: string; canWrite: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['finance', side, 'payment', id], queryFn: () => finance.payment(side, id), staleTime: 0 });
  const reverse = useMutation({
    mutationFn: (allocationId: string) => finance.reverse(side, allocationId),
    onSuccess: () => {
      message.success(t('fin.reversed'));
      void qc.invalidateQueries({ queryKey: ['finance', side] });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const p = q.data;
  return (
    <Drawer open title={p ? `${t(`fin.tabs.payments.${side}`)} ${p.number}` : ''} onClose={onClose} width={640}>
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
      {p && (
        <>
          <Descriptions size="small" column={2} items={[
            { key: 'party', label: t(`fin.${partyOf[side]}`), children: `${p.partyCode} ${p.partyName}` },
            { key: 'date', label: t(`fin.date.${side}`), children: p.docDate },
            { key: 'amount', label: t(`fin.amount.${side}`), children: formatMoney(p.amount) },
            { key: 'unallocated', label: t('fin.unallocated'), children: <span data-testid="fin-unallocated">{formatMoney(p.unallocated)}</span> },
            { key: 'method', label: t('fin.method'), children: t(`fin.methods.${p.method}`, { defaultValue: p.method }) },
            { key: 'reference', label: t('fin.reference'), children: p.reference ?? '' },
          ]} />
          <Table<Allocation>
            rowKey="id" size="small" style={{ marginTop: 12 }} pagination={false} dataSource={(p.allocations ?? []) as Allocation[]}
            columns={[
              { title: t('fin.number'), dataIndex: 'itemNumber', key: 'itemNumber' },
              { title: t('fin.allocated'), dataIndex: 'amount', key: 'amount', align: 'right', render: formatMoney },
              { title: t('fin.docDate'), dataIndex: 'createdAt', key: 'createdAt', render: formatDateTime },
              ...(canWrite ? [{
                title: '', key: 'reverse', render: (_: unknown, a: Allocation) => (
                  <Popconfirm title={t('fin.reverseConfirm', { number: a.itemNumber, amount: formatMoney(a.amount) })} okText={t('fin.reverse')} cancelText={t('action.cancel')} onConfirm={() => reverse.mutate(a.id)}>
                    <Button type="link" size="small" danger>{t('fin.reverse')}</Button>
                  </Popconfirm>
                ),
              }] : []),
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
