import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../shared/auth/session';
import { PageHeader } from '../../../shared/components/PageHeader';
import { StatusTag } from '../../../shared/components/StatusTag';
import { errorMessage } from '../../../shared/lib/errors';
import { carriers, type Carrier } from '../api';
import { CarrierModal } from '../components/CarrierModal';

/** 承运商: the carriers a shipment can go with (顺丰, 中通, 圆通, 京东, EMS, 自送 seeded); admins add, edit, deactivate. */
export default function CarriersPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['carriers', 'all'], queryFn: () => carriers.list() });
  const [editing, setEditing] = useState<Carrier | 'new' | null>(null);
  const manage = can('carriers:manage');

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
    { title: t('ship.carrier.name'), key: 'name', render: (_, c) => (i18n.language === 'en' ? c.nameEn : c.name) },
    { title: t('ship.carrier.adapter'), dataIndex: 'adapter', key: 'adapter', render: (a: string) => t(`ship.carrier.adapters.${a}`, { defaultValue: a }) },
    { title: t('ship.carrier.trackingRequired'), dataIndex: 'trackingRequired', key: 'trackingRequired', render: (v: boolean) => t(v ? 'ship.carrier.yes' : 'ship.carrier.no') },
    { title: t('ship.carrier.transitDays'), dataIndex: 'transitDays', key: 'transitDays', align: 'right' },
    { title: t('ship.carrier.callbackSecret'), dataIndex: 'hasCallbackSecret', key: 'secret', render: (v: boolean) => t(v ? 'ship.carrier.hasSecret' : 'ship.carrier.noSecret') },
    { title: t('status.label'), dataIndex: 'status', key: 'status', render: (s: string) => <StatusTag status={s} /> },
    ...(manage ? [{
      title: t('field.actions'), key: 'actions', render: (_: unknown, c: Carrier) => (
        <Space size={0}>
          <Button type="link" onClick={() => setEditing(c)}>{t('action.edit')}</Button>
          {c.status === 'active'
            ? <Button type="link" danger onClick={() => deactivate(c)}>{t('action.deactivate')}</Button>
            : <Button type="link" onClick={() => setActive(c, true)}>{t('action.activate')}</Button>}
        </Space>
      ),
    }] : []),
  ];

  return (
    <>
      <PageHeader
        title={t('ship.carrier.title')}
        extra={manage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('ship.carrier.add')}</Button>}
      />
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} style={{ marginBottom: 12 }} />}
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
      {editing && <CarrierModal carrier={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
