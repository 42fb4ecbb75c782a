import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, InputNumber, Modal, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/lib/errors';
import { fenToYuan, formatMoney, yuanToFen } from '../../../shared/lib/format';
import { finance, type Item, type Side } from '../api';

/** 核销 of an open credit (退货冲减 / 采购退货) against owed items of the same customer or supplier. */
export function CreditAllocateModal({ side, credit, onClose }: { side: Side; credit: Item; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [alloc, setAlloc] = useState<Record<string, number>>({});
  const open = useQuery({ queryKey: ['finance', side, 'items', 'open', credit.partyId], queryFn: () => finance.items(side, { partyId: credit.partyId, status: 'open', pageSize: 500 }), staleTime: 0 });
  const owed = (open.data?.items ?? []).filter((i) => i.open > 0);
  const available = -credit.open;
  const sum = owed.reduce((s, i) => s + (alloc[i.id] ?? 0), 0);
  const bad = sum > available || owed.some((i) => (alloc[i.id] ?? 0) > i.open);
  const save = useMutation({
    mutationFn: () => finance.allocateCredit(side, credit.id, owed.filter((i) => (alloc[i.id] ?? 0) > 0).map((i) => ({ itemId: i.id, amount: alloc[i.id] }))),
    onSuccess: () => {
      message.success(t('msg.saved'));
      void qc.invalidateQueries({ queryKey: ['finance', side] });
      onClose();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const columns: TableColumnsType<Item> = [
    { title: t('fin.number'), dataIndex: 'number', key: 'number' },
    { title: t('fin.dueDate'), dataIndex: 'dueDate', key: 'dueDate' },
    { title: t('fin.open'), dataIndex: 'open', key: 'open', align: 'right', render: formatMoney },
    {
      title: t('fin.allocate'), key: 'allocate', render: (_: unknown, r) => (
        <InputNumber<number> min={0} precision={2} style={{ width: 120 }} aria-label={`${t('fin.allocate')} ${r.number}`} status={(alloc[r.id] ?? 0) > r.open ? 'error' : undefined}
          value={fenToYuan(alloc[r.id] ?? null)} onChange={(v) => setAlloc((a) => ({ ...a, [r.id]: yuanToFen(v) ?? 0 }))} />
      ),
    },
  ];
  return (
    <Modal open title={`${t('fin.applyCredit')} ${credit.number}`} okText={t('fin.save')} cancelText={t('action.cancel')} onCancel={onClose}
      onOk={() => save.mutate()} okButtonProps={{ disabled: sum === 0 || bad }} confirmLoading={save.isPending} width={640} destroyOnHidden>
      <p>{t('fin.creditAvailable', { amount: formatMoney(available) })}</p>
      {open.isError && <Alert type="error" showIcon title={errorMessage(open.error)} />}
      <Table<Item> rowKey="id" size="small" loading={open.isFetching} columns={columns} dataSource={owed} pagination={false} scroll={{ x: 'max-content' }} />
      <p style={{ marginTop: 8 }} data-testid="fin-credit-sum">
        {formatMoney(sum)} / {formatMoney(available)}
        {sum > available && <Typography.Text type="danger"> {t('fin.overAllocated', { what: t('fin.creditAmount') })}</Typography.Text>}
      </p>
    </Modal>
  );
}
