import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Select, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../shared/auth/session';
import { DataTable } from '../../../shared/components/DataTable';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ListToolbar } from '../../../shared/components/ListToolbar';
import { PageHeader } from '../../../shared/components/PageHeader';
import { RowActions } from '../../../shared/components/RowActions';
import { StatusTag } from '../../../shared/components/StatusTag';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { roles, users, type User } from '../api';
import { UserFormModal } from '../components/UserFormModal';

/** 用户管理: list, add, edit, disable/enable. */
export default function UsersPage() {
  const { t } = useTranslation();
  const { user: me } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useListParams(['role', 'status']);
  const result = useQuery({ queryKey: ['users', list.query], queryFn: () => users.list(list.query), placeholderData: keepPreviousData });
  const [editing, setEditing] = useState<User | null>(null);
  const [open, setOpen] = useState(false);

  const setStatus = async (u: User, status: 'active' | 'disabled') => {
    try {
      await users.update(u.id, { status });
      message.success(t(status === 'active' ? 'users.enabled' : 'users.disabled'));
      await qc.invalidateQueries({ queryKey: ['users'] });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: TableColumnsType<User> = [
    { title: t('auth.name'), dataIndex: 'name', key: 'name', sorter: true, sortOrder: list.sortOrder('name'), render: (v: string, u) => (u.id === me?.id ? v + t('users.you') : v) },
    { title: t('auth.email'), dataIndex: 'email', key: 'email', sorter: true, sortOrder: list.sortOrder('email') },
    { title: t('users.role'), dataIndex: 'role', key: 'role', sorter: true, sortOrder: list.sortOrder('role'), render: (r: string) => t(`roles.${r}`) },
    { title: t('status.label'), dataIndex: 'status', key: 'status', render: (s: string) => <StatusTag status={s === 'active' ? 'active' : 'disabled'} /> },
    { title: t('users.lastLoginAt'), dataIndex: 'lastLoginAt', key: 'lastLoginAt', sorter: true, sortOrder: list.sortOrder('lastLoginAt'), render: (v: string | null) => (v ? formatDateTime(v) : t('users.never')) },
    { title: t('field.createdAt'), dataIndex: 'createdAt', key: 'createdAt', sorter: true, sortOrder: list.sortOrder('createdAt'), render: formatDateTime },
    {
      title: t('field.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, u) => (
        <RowActions
          name={u.name}
          onEdit={() => {
            setEditing(u);
            setOpen(true);
          }}
        >
          {u.id !== me?.id && (
            <Button type="link" size="small" onClick={() => void setStatus(u, u.status === 'active' ? 'disabled' : 'active')}>
              {t(u.status === 'active' ? 'users.disable' : 'users.enable')}
            </Button>
          )}
        </RowActions>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <>
            <ExportButton path="/users" query={list.query} />
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setEditing(null);
                setOpen(true);
              }}
            >
              {t('users.add')}
            </Button>
          </>
        }
      />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('users.searchPlaceholder')}>
        <Select
          allowClear
          placeholder={t('users.allRoles')}
          value={list.params.filters.role}
          onChange={(role) => list.update({ role })}
          options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          style={{ width: 140 }}
        />
        <Select
          allowClear
          placeholder={t('status.label')}
          value={list.params.filters.status}
          onChange={(status) => list.update({ status })}
          options={[
            { value: 'active', label: t('status.active') },
            { value: 'disabled', label: t('status.disabled') },
          ]}
          style={{ width: 120 }}
        />
      </ListToolbar>
      <DataTable<User> result={result} list={list} columns={columns} />
      <UserFormModal open={open} user={editing} onClose={() => setOpen(false)} />
    </>
  );
}
