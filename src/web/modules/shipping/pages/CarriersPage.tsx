import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Grid, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../shared/auth/session';
import { PageHeader } from '../../../shared/components/PageHeader';
import { StatusTag } from '../../../shared/components/StatusTag';
import { errorMessage } from '../../../shared/lib/errors';
import { carriers, type Carrier } from '../api';
import { CarrierModal } from '../components/CarrierModal';

/**
 * 承运商: the carriers a shipment can go with (顺丰, 中通, 圆通, 京东, EMS, 自送 and the 模拟快递 simulator
 * seeded); admins add, edit, deactivate. A table on a desk, one card per carrier on a phone.
 */
export default function CarriersPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['carriers', 'all'], queryFn: () => carriers.list() });
  const [editing, setEditing] = useState<Carrier | 'new' | null>(null);
  const manage = can('carriers:manage');
  const narrow = !Grid.useBreakpoint().md;
  const name = (c: Carrier) => (i18n.language === 'en' ? c.nameEn : c.name);
  const secret = (c: Carrier) => t(c.callbackSecretSource === 'environment' ? 'ship.carrier.secretFromEnv' : c.hasCallbackSecret ? 'ship.carrier.hasSecret' : 'ship.carrier.noSecret');
  const actions = (c: Carrier) => (
    <Space size={0}>
      <Button type="link" onClick={() => setEditing(c)}>{t('action.edit')}</Button>
      {c.status === 'active'
        ? <Button type="link" danger onClick={() => deactivate(c)}>{t('action.deactivate')}</Button>
        : <Button type="link" onClick={() => setActive(c, true)}>{t('action.activate')}</Button>}
    </Space>
  );

  const setActive = async (c: Carrier, active: boolean) => {
    try {
      await (active ? carriers.activate(c.id) : carriers.deactivate(c.id));
      message.success(t(active ? 'msg.activated' : 'msg.deactivated'));
      await qc.invalidateQueries({ queryKey: ['carriers'] });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const deactivate = (c: Carrier) =>
    modal.confirm({
      title: t('ship.carrier.deactivateTitle', { name: c.name }),
      content: t('ship.carrier.deactivateContent'),
      okText: t('action.deactivate'),
      okButtonProps: { danger: true },
      cancelText: t('action.cancel'),
      onOk: () => setActive(c, false),
    });

  const columns: TableColumnsType<Carrier> = [
    { title: t('ship.carrier.code'), dataIndex: 'code', key: 'code' },
    { title: t('ship.carrier.name'), key: 'name', render: (_, c) => name(c) },
    { title: t('ship.carrier.adapter'), dataIndex: 'adapter', key: 'adapter', render: (a: string) => t(`ship.carrier.adapters.${a}`, { defaultValue: a }) },
    { title: t('ship.carrier.trackingRequired'), dataIndex: 'trackingRequired', key: 'trackingRequired', render: (v: boolean) => t(v ? 'ship.carrier.yes' : 'ship.carrier.no') },
    { title: t('ship.carrier.transitDays'), dataIndex: 'transitDays', key: 'transitDays', align: 'right' },
    { title: t('ship.carrier.callbackSecret'), key: 'secret', render: (_, c) => secret(c) },
    { title: t('status.label'), dataIndex: 'status', key: 'status', render: (s: string) => <StatusTag status={s} /> },
    ...(manage ? [{ title: t('field.actions'), key: 'actions', render: (_: unknown, c: Carrier) => actions(c) }] : []),
  ];

  return (
    <>
      <PageHeader
        title={t('ship.carrier.title')}
        extra={manage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('ship.carrier.add')}</Button>}
      />
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} style={{ marginBottom: 12 }} />}
      {narrow ? (
        <Spin spinning={q.isFetching}>
          <Flex vertical gap={8}>
            {q.data?.map((c) => (
              <Card key={c.id} size="small" data-testid="carrier-card" styles={{ body: { padding: 12 } }}>
                <Flex justify="space-between" align="center" gap={8} wrap="wrap">
                  <Typography.Text strong style={{ fontSize: 16 }}>{name(c)}</Typography.Text>
                  <StatusTag status={c.status} />
                </Flex>
                <Flex gap={4} wrap="wrap" style={{ marginTop: 6 }}>
                  <Tag style={{ marginInlineEnd: 0 }}>{c.code}</Tag>
                  <Tag style={{ marginInlineEnd: 0 }}>{t(`ship.carrier.adapters.${c.adapter}`, { defaultValue: c.adapter })}</Tag>
                </Flex>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13, marginTop: 6 }}>
                  {t('ship.carrier.transitDays')} {c.transitDays} · {t('ship.carrier.trackingRequired')}{t('ship.colon')}{t(c.trackingRequired ? 'ship.carrier.yes' : 'ship.carrier.no')}
                  {' · '}{t('ship.carrier.callbackSecret')}{t('ship.colon')}{secret(c)}
                </Typography.Text>
                {manage && <div style={{ marginTop: 4, marginInlineStart: -8 }}>{actions(c)}</div>}
              </Card>
            ))}
          </Flex>
        </Spin>
      ) : (
        <Table<Carrier>
          rowKey="id"
          size="middle"
          loading={q.isFetching}
          dataSource={q.data ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={() => ({ 'data-testid': 'carrier-row' }) as object}
        />
      )}
      {editing && <CarrierModal carrier={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
