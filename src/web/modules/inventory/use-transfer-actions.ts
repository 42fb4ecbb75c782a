import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { newIdempotencyKey } from '../../shared/api/idempotency';
import { errorMessage } from '../../shared/lib/errors';
import { lineErrorsOf } from './api';
import { transfers, type Transfer } from './transfer-api';

export type TransferAction = 'ship' | 'receiveAll' | 'cancel';

/**
 * 调出 / 全部调入 / 作废 on one transfer. Each action keeps its Idempotency-Key until it succeeds,
 * so a retry after a lost reply does not move stock twice; a refusal naming lines is kept by line id.
 */
export function useTransferActions(tr: Transfer | undefined) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const keys = useRef(new Map<TransferAction, string>());
  const [lineErrors, setLineErrors] = useState(new Map<string, string>());
  const [problem, setProblem] = useState<string | null>(null);
  const keyOf = (a: TransferAction) => {
    if (!keys.current.has(a)) keys.current.set(a, newIdempotencyKey());
    return keys.current.get(a)!;
  };
  return {
    lineErrors,
    problem,
    ...useMutation({
      mutationFn: (action: TransferAction) => {
        const id = tr!.id;
        if (action === 'ship') return transfers.ship(id, keyOf(action));
        if (action === 'receiveAll') return transfers.receive(id, {}, keyOf(action));
        return transfers.cancel(id);
      },
      onSuccess: async (after, action) => {
        keys.current.delete(action);
        setLineErrors(new Map());
        setProblem(null);
        const text = { ship: t('xfer.shippedMsg', { number: after.number, n: after.inTransit }), receiveAll: t('xfer.receivedMsg', { number: after.number }), cancel: t('xfer.cancelled', { number: after.number }) }[action];
        message.success(text);
        qc.setQueryData(['stock', 'transfers', 'one', after.id], after);
        await qc.invalidateQueries({ queryKey: ['stock'] });
      },
      onError: (e) => {
        const lines = tr?.lines ?? [];
        const byIndex = lineErrorsOf(e, lines);
        setLineErrors(new Map([...byIndex].map(([i, m]) => [lines[i]?.id, m])));
        setProblem(errorMessage(e));
        if (e instanceof ApiError && e.code === 'INSUFFICIENT_STOCK') void qc.invalidateQueries({ queryKey: ['stock', 'of-product'] });
      },
    }),
  };
}
