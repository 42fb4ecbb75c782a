import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../shared/auth/session';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime } from '../../../shared/lib/format';
import { ProductSelect } from '../../catalog/components/ProductSelect';
import { useWarehouses, WarehouseSelect } from '../../inventory/components/WarehouseSelect';
import { productBins, type ProductBin } from '../api';

/**
 * 默认拣货库位: the bin each product is picked from in a warehouse, so pick lists sort by walking
 * order (without one, a product's bin is where its stock last came in).
 */
export default function PickBinsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { list: whs, defaultId } = useWarehouses();
  const [warehouseId, setWarehouseId] = useState<string>();
  const wid = warehouseId ?? defaultId;
  const [productId, setProductId] = useState<string | null>(null);
  const [binId, setBinId] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['productBins', wid], queryFn: () => productBins.list({ warehouseId: wid }), enabled: !!wid });
  const bins = (whs.find((w) => w.id === wid)?.bins ?? []).filter((b) => b.status === 'active' && b.id);
  const writable = can('warehouses:write');

  const set = useMutation({
    mutationFn: (body: { productId: string; binId: string | null }) => productBins.set({ ...body, warehouseId: wid! }),
    onSuccess: async (_r, body) => {
      message.success(t(body.binId ? 'ship.bins.saved' : 'ship.bins.cleared'));
      setProductId(null);
      setBinId(null);
      await qc.invalidateQueries({ queryKey: ['productBins'] });
    },
    onError: (e) => void message.error(errorMessage(e)),
  });

  return (
    <div style={{ maxWidth: 900 }}>
      <PageHeader title={t('ship.bins.title')} />
      <Typography.Paragraph type="secondary">{t('ship.bins.intro')}</Typography.Paragraph>
      <Flex gap={8} wrap="wrap" style={{ marginBottom: 12 }}>
        <WarehouseSelect value={wid} onChange={setWarehouseId} aria-label={t('ship.warehouse')} style={{ width: 180 }} />
      </Flex>
      {writable && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Flex gap={8} wrap="wrap">
            <ProductSelect value={productId} onChange={(v: string) => setProductId(v ?? null)} placeholder={t('ship.bins.product')} aria-label={t('ship.product')} style={{ flex: '1 1 240px' }} />
            <Select
              value={binId}
              onChange={setBinId}
              placeholder={t('ship.bin')}
              aria-label={t('ship.bin')}
              options={bins.map((b) => ({ value: b.id!, label: b.zone ? `${b.code} (${b.zone})` : b.code }))}
              style={{ width: 160 }}
              showSearch={{ optionFilterProp: 'label' }}
            />
            <Button type="primary" disabled={!productId || !binId} loading={set.isPending} onClick={() => productId && set.mutate({ productId, binId })}>
              {t('ship.bins.assign')}
            </Button>
          </Flex>
          {bins.length === 0 && <Alert type="info" showIcon title={t('ship.bins.noBins')} style={{ marginTop: 8 }} />}
        </Card>
      )}
      <Table<ProductBin>
        rowKey="productId"
        size="middle"
        loading={q.isFetching}
        dataSource={q.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('ship.sku'), dataIndex: 'sku' },
          { title: t('ship.product'), dataIndex: 'productName' },
          { title: t('ship.bin'), dataIndex: 'binCode', render: (v: string) => <b>{v}</b> },
          { title: t('ship.bins.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
          ...(writable ? [{ title: t('field.actions'), key: 'a', render: (_: unknown, r: ProductBin) => <Button type="link" danger onClick={() => set.mutate({ productId: r.productId, binId: null })}>{t('ship.bins.clear')}</Button> }] : []),
        ]}
      />
    </div>
  );
}
