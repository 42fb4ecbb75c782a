import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../shared/lib/errors';
import { ALERTS, alerts } from './api';

/** The badge on the bell: polled every 30 s while the page is visible, and again when the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [ALERTS, 'unread-count'],
    queryFn: alerts.unreadCount,
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
    staleTime: 5_000,
  });
}

/** Mark one alert or all of them read; the bell and every alert list refresh afterwards. */
export function useMarkRead() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { message } = App.useApp();
  // (Callbacks must not return message.*: its promise settles when the toast closes, and the mutation would wait for it.)
  const refresh = () => qc.invalidateQueries({ queryKey: [ALERTS] });
  const one = useMutation({ mutationFn: alerts.markRead, onSettled: refresh, onError: (e) => void message.error(errorMessage(e)) });
  const all = useMutation({
    mutationFn: alerts.markAllRead,
    onSuccess: () => void message.success(t('alerts.allMarked')),
    onSettled: refresh,
    onError: (e) => void message.error(errorMessage(e)),
  });
  return { one, all };
}
