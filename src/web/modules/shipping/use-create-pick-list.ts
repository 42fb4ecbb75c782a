import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { newIdempotencyKey } from '../../shared/api/idempotency';
import { errorMessage } from '../../shared/lib/errors';
import { pickLists } from './api';

/** 生成拣货单 for one order or a wave; opens the new list. One key per set of orders, so a double click makes one list. */
export function useCreatePickList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const last = useRef<{ ids: string; key: string } | null>(null);
  return useMutation({
    mutationFn: (orderIds: string[]) => {
      const ids = [...orderIds].sort().join(',');
      if (last.current?.ids !== ids) last.current = { ids, key: newIdempotencyKey() };
      return pickLists.create({ orderIds }, last.current.key);
    },
    onSuccess: async (pl) => {
      last.current = null;
      message.success(t('ship.pick.created', { number: pl.number }));
      await qc.invalidateQueries({ queryKey: ['pickLists'] });
      await qc.invalidateQueries({ queryKey: ['fulfilment'] });
      navigate(`/pick-lists/${pl.id}`);
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
}
