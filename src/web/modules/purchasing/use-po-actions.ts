import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shared/lib/errors';
import { purchaseOrders, type PurchaseOrder } from './api';

export type PoAction = 'submit' | 'approve' | 'reject' | 'cancel' | 'close';
const done: Record<PoAction, string> = { submit: 'pur.submitDone', approve: 'pur.approveDone', reject: 'pur.rejectDone', cancel: 'pur.cancelDone', close: 'pur.closeDone' };

function send(id: string, action: PoAction, comment?: string): Promise<PurchaseOrder> {
  switch (action) {
    case 'submit': return purchaseOrders.submit(id);
    case 'approve': return purchaseOrders.approve(id, comment);
    case 'reject': return purchaseOrders.reject(id, comment ?? '');
    case 'cancel': return purchaseOrders.cancel(id);
    case 'close': return purchaseOrders.close(id, comment);
  }
}

/** 提交 · 审核通过 · 驳回 · 作废 · 关闭 on an order's page; a refusal shows the server's message and the order as it is now. */
export function usePoActions(id: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, comment }: { action: PoAction; comment?: string }) => send(id, action, comment),
    onSuccess: async (o, { action }) => {
      qc.setQueryData(['purchaseOrders', 'one', id], o);
      message.success(action === 'submit' && o.status === 'pending_approval' ? t('pur.savedPending', { number: o.number }) : t(done[action]));
      await qc.invalidateQueries({ queryKey: ['purchaseOrders', 'list'] });
      await qc.invalidateQueries({ queryKey: ['stock'] });
    },
    onError: (e) => {
      message.error(errorMessage(e));
      void qc.invalidateQueries({ queryKey: ['purchaseOrders', 'one', id] });
    },
  });
}
