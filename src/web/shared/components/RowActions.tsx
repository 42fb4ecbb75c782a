import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorMessage } from '../lib/errors';

type StatusApi = { remove: (id: string) => Promise<unknown>; deactivate: (id: string) => Promise<unknown>; activate: (id: string) => Promise<unknown> };

/** Delete (offering 停用 when the record is in use) and 停用/启用, refreshing the lists under `queryKey`. */
export function useStatusActions(res: StatusApi, queryKey: string) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const refresh = () => qc.invalidateQueries({ queryKey: [queryKey] });

  const setActive = async (id: string, active: boolean) => {
    try {
      await (active ? res.activate(id) : res.deactivate(id));
      message.success(t(active ? 'msg.activated' : 'msg.deactivated'));
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const remove = async (id: string) => {
    try {
      await res.remove(id);
      message.success(t('msg.deleted'));
      await refresh();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IN_USE') {
        modal.confirm({
          title: t('msg.inUseTitle'),
          content: e.message,
          okText: t('msg.deactivateInstead'),
          cancelText: t('action.cancel'),
          onOk: () => setActive(id, false),
        });
      } else {
        message.error(errorMessage(e));
      }
    }
  };
  return { setActive, remove };
}

type Props = {
  name: string;
  status?: string;
  onEdit?: () => void;
  onSetActive?: (active: boolean) => void;
  onRemove?: () => void;
  children?: ReactNode;
};

/** A row's 编辑 · 停用/启用 · 删除 links (delete asks first). */
export function RowActions({ name, status, onEdit, onSetActive, onRemove, children }: Props) {
  const { t } = useTranslation();
  return (
    <Space size={0} wrap={false}>
      {onEdit && (
        <Button type="link" size="small" onClick={onEdit}>
          {t('action.edit')}
        </Button>
      )}
      {children}
      {onSetActive && status && (
        <Button type="link" size="small" onClick={() => onSetActive(status !== 'active')}>
          {t(status === 'active' ? 'action.deactivate' : 'action.activate')}
        </Button>
      )}
      {onRemove && (
        <Popconfirm
          title={t('action.delete')}
          description={t('msg.confirmDelete', { name })}
          okText={t('action.delete')}
          okButtonProps={{ danger: true }}
          cancelText={t('action.cancel')}
          onConfirm={onRemove}
        >
          <Button type="link" size="small" danger>
            {t('action.delete')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
