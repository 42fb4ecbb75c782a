import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../shared/components/DataTable';
import { ListToolbar } from '../../../shared/components/ListToolbar';
import { PageHeader } from '../../../shared/components/PageHeader';
import { StatusTag } from '../../../shared/components/StatusTag';
import { applyFieldErrors, errorMessage } from '../../../shared/lib/errors';
import { formatDateTime } from '../../../shared/lib/format';
import { useListParams } from '../../../shared/lib/list-params';
import { apiKeys, roles, type ApiKey } from '../api';
import { ApiKeyCreatedModal } from '../components/ApiKeyCreatedModal';

/** API 密钥: list, create (key shown once) with optional scopes, change scopes, revoke. */
export default function ApiKeysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useListParams(['status'], { sort: '-createdAt' });
  const result = useQuery({ queryKey: ['apiKeys', list.query], queryFn: () => apiKeys.list(list.query), placeholderData: keepPreviousData });
  const [adding, setAdding] = useState(false);
  const [newKey, setNewKey] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string; role: string; scopes?: string[] }>();
  const [scoping, setScoping] = useState<ApiKey | null>(null);
  const [scopeForm] = Form.useForm<{ scopes?: string[] }>();
  const scopeList = useQuery({ queryKey: ['apiKeys', 'scopes'], queryFn: apiKeys.scopes, staleTime: Infinity });
  const scopeOptions = (scopeList.data ?? []).map((s) => ({ value: s.scope, label: s.scope, title: s.permissions.join(', ') }));
  const saveScopes = useMutation({
    mutationFn: (v: { scopes?: string[] }) => apiKeys.update(scoping!.id, { scopes: v.scopes?.length ? v.scopes : null }),
    onSuccess: async () => {
      setScoping(null);
      message.success(t('apiKeys.scopesSaved'));
      await qc.invalidateQueries({ queryKey: ['apiKeys'] });
    },
    onError: (e) => {
      applyFieldErrors(scopeForm, e);
      message.error(errorMessage(e));
    },
  });

  const create = useMutation({
    mutationFn: apiKeys.create,
    onSuccess: async (k) => {
      setAdding(false);
      setNewKey(k.key);
      await qc.invalidateQueries({ queryKey: ['apiKeys'] });
    },
    onError: (e) => {
      applyFieldErrors(form, e);
      message.error(errorMessage(e));
    },
  });

  const revoke = async (k: ApiKey) => {
    try {
      await apiKeys.revoke(k.id);
      message.success(t('apiKeys.revoked'));
      await qc.invalidateQueries({ queryKey: ['apiKeys'] });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: TableColumnsType<ApiKey> = [
    { title: t('apiKeys.name'), dataIndex: 'name', key: 'name', sorter: true, sortOrder: list.sortOrder('name') },
    { title: t('apiKeys.prefix'), dataIndex: 'keyPrefix', key: 'keyPrefix', render: (v: string) => <code>{v}…</code> },
    { title: t('apiKeys.role'), dataIndex: 'role', key: 'role', render: (r: string) => t(`roles.${r}`) },
    {
      title: t('apiKeys.scopes'), dataIndex: 'scopes', key: 'scopes',
      render: (scopes: string[] | null) => (scopes ? <Space size={[0, 4]} wrap>{scopes.map((s) => <Tag key={s}>{s}</Tag>)}</Space> : <span style={{ color: '#888' }}>{t('apiKeys.allScopes')}</span>),
    },
    { title: t('status.label'), dataIndex: 'status', key: 'status', render: (s: string) => <StatusTag status={s} /> },
    { title: t('field.createdAt'), dataIndex: 'createdAt', key: 'createdAt', sorter: true, sortOrder: list.sortOrder('createdAt'), render: formatDateTime },
    { title: t('apiKeys.lastUsedAt'), dataIndex: 'lastUsedAt', key: 'lastUsedAt', sorter: true, sortOrder: list.sortOrder('lastUsedAt'), render: formatDateTime },
    {
      title: t('field.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, k) =>
        k.status === 'active' ? (
          <Space size={0}>
          <Button type="link" size="small" onClick={() => { scopeForm.setFieldsValue({ scopes: k.scopes ?? [] }); setScoping(k); }}>
            {t('apiKeys.editScopes')}
          </Button>
          <Popconfirm
            title={t('apiKeys.revoke')}
            description={t('apiKeys.revokeConfirm', { name: k.name })}
            okText={t('apiKeys.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('action.cancel')}
            onConfirm={() => revoke(k)}
          >
            <Button type="link" size="small" danger>
              {t('apiKeys.revoke')}
            </Button>
          </Popconfirm>
          </Space>
        ) : (
          formatDateTime(k.revokedAt)
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('apiKeys.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({ role: 'viewer' });
              setAdding(true);
            }}
          >
            {t('apiKeys.add')}
          </Button>
        }
      />
      <ListToolbar q={list.params.q} onSearch={(q) => list.update({ q })} placeholder={t('apiKeys.searchPlaceholder')}>
        <Select
          allowClear
          placeholder={t('status.label')}
          value={list.params.filters.status}
          onChange={(status) => list.update({ status })}
          options={[
            { value: 'active', label: t('status.active') },
            { value: 'revoked', label: t('status.revoked') },
          ]}
          style={{ width: 120 }}
        />
      </ListToolbar>
      <DataTable<ApiKey> result={result} list={list} columns={columns} />
      <Modal
        open={adding}
        title={t('apiKeys.add')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        okText={t('action.save')}
        cancelText={t('action.cancel')}
        confirmLoading={create.isPending}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate({ ...v, scopes: v.scopes?.length ? v.scopes : null })}>
          <Form.Item name="name" label={t('apiKeys.name')} rules={[{ required: true, message: t('msg.required', { field: t('apiKeys.name') }) }, { max: 100 }]}>
            <Input placeholder={t('apiKeys.namePlaceholder')} />
          </Form.Item>
          <Form.Item name="role" label={t('apiKeys.role')} rules={[{ required: true }]}>
            <Select options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          <Form.Item name="scopes" label={t('apiKeys.scopes')} extra={t('apiKeys.scopesHelp')}>
            <Select mode="multiple" allowClear options={scopeOptions} placeholder={t('apiKeys.scopesPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!scoping}
        title={`${t('apiKeys.editScopes')}：${scoping?.name ?? ''}`}
        onCancel={() => setScoping(null)}
        onOk={() => scopeForm.submit()}
        okText={t('action.save')}
        cancelText={t('action.cancel')}
        confirmLoading={saveScopes.isPending}
        forceRender
      >
        <Form form={scopeForm} layout="vertical" onFinish={(v) => saveScopes.mutate(v)}>
          <Form.Item name="scopes" label={t('apiKeys.scopes')} extra={t('apiKeys.scopesHelp')}>
            <Select mode="multiple" allowClear options={scopeOptions} placeholder={t('apiKeys.scopesPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
      <ApiKeyCreatedModal apiKey={newKey} onClose={() => setNewKey(null)} />
    </>
  );
}
