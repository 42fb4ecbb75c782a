import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { newIdempotencyKey } from '../../shared/api/idempotency';
import { errorMessage } from '../../shared/lib/errors';
import { salesOrders, shortageOf, type SalesOrder, type ShortageDetail, type ShortageMode } from './api';

export type OrderAction =
  | { action: 'confirm'; shortage?: ShortageMode }
  | { action: 'approve'; comment?: string; shortage?: ShortageMode }
  | { action: 'reject'; comment: string }
  | { action: 'cancel' };

/** A refused confirmation or approval, kept to offer a backorder and to retry the same action. */
export type Refusal = { request: Extract<OrderAction, { action: 'confirm' | 'approve' }>; items: ShortageDetail[] };

function send(id: string, a: OrderAction): Promise<SalesOrder> {
  switch (a.action) {
    case 'confirm': return salesOrders.confirm(id, a.shortage);
    case 'approve': return salesOrders.approve(id, a.comment, a.shortage);
    case 'reject': return salesOrders.reject(id, a.comment);
    case 'cancel': return salesOrders.cancel(id);
  }
}

function doneMessage(a: OrderAction, o: SalesOrder): string {
  if (a.action === 'cancel') return 'sales.cancelDone';
  if (a.action === 'reject') return 'sales.rejectDone';
  if (o.status === 'pending_approval') return 'sales.pendingDone';
  if (o.lines.some((l) => l.backordered > 0)) return 'sales.backorderDone';
  return a.action === 'approve' ? 'sales.approveDone' : 'sales.confirmDone';
}

/** 确认 · 审核通过 · 驳回 · 作废 · 复制 on an order's page; a shortage is kept for the dialog instead of shown as an error. */
export function useOrderActions(id: string, onDuplicated: (o: SalesOrder) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const duplicateKey = useRef(newIdempotencyKey());

  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['salesOrders', 'list'] });
    await qc.invalidateQueries({ queryKey: ['stock'] });
    await qc.invalidateQueries({ queryKey: ['alerts'] });
  };

  const act = useMutation({
    mutationFn: (a: OrderAction) => send(id, a),
    onSuccess: async (o, a) => {
      qc.setQueryData(['salesOrders', 'one', id], o);
      setRefusal(null);
      message.success(t(doneMessage(a, o)));
      await refresh();
    },
    onError: (e, a) => {
      const short = e instanceof ApiError ? shortageOf(e.details) : [];
      if (short.length && (a.action === 'confirm' || a.action === 'approve')) {
        setRefusal({ request: a, items: short });
        void refresh();
      } else {
        message.error(errorMessage(e));
        // The order may have moved on meanwhile (approved by someone else, edited): show it as it is.
        void qc.invalidateQueries({ queryKey: ['salesOrders', 'one', id] });
      }
    },
  });

  const duplicate = useMutation({
    mutationFn: () => salesOrders.duplicate(id, duplicateKey.current),
    onSuccess: async (o) => {
      duplicateKey.current = newIdempotencyKey();
      message.success(t('sales.duplicateDone', { number: o.number }));
      await qc.invalidateQueries({ queryKey: ['salesOrders', 'list'] });
      onDuplicated(o);
    },
    onError: (e) => void message.error(errorMessage(e)),
  });

  /** Retries the refused action, reserving what is there and backordering the rest. */
  const backorder = () => refusal && act.mutate({ ...refusal.request, shortage: 'backorder' });

  return { act, duplicate, refusal, dismissRefusal: () => setRefusal(null), backorder };
}
