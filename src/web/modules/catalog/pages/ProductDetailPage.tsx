import { AlertOutlined, ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Skeleton, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { PageHeader } from '../../../shared/components/PageHeader';
import { StatusTag } from '../../../shared/components/StatusTag';
import { errorMessage } from '../../../shared/lib/errors';
import { formatDateTime, formatMoney } from '../../../shared/lib/format';
import { products } from '../api';
import { BarcodeLabels } from '../components/BarcodeLabels';

/** 商品详情: all fields, pack units, barcode images; a way to the product's 再订货点. */
export default function ProductDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { can } = useSession();
  const q = useQuery({ queryKey: ['products', 'one', id], queryFn: () => products.get(id) });
  const p = q.data;
  const back = <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/products')} aria-label={t('action.back')} />;
  if (q.isError) return <><PageHeader title={t('products.detail')} back={back} /><Alert type="error" showIcon title={errorMessage(q.error)} /></>;
  if (!p) return <Skeleton active />;
  return (
    <>
      <PageHeader
        title={<>{p.name} <StatusTag status={p.status} /></>}
        back={back}
        extra={
          <>
            {can('purchasing:read') && <Button icon={<AlertOutlined />} onClick={() => navigate(`/reorder-rules?productId=${p.id}`)}>{t('rr.title')}</Button>}
            {can('catalog:write') && <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/products/${p.id}/edit`)}>{t('action.edit')}</Button>}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('products.sku')}>{p.sku}</Descriptions.Item>
          <Descriptions.Item label={t('products.category')}>{p.categoryName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('products.brand')}>{p.brand ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('products.spec')}>{p.spec ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('products.model')}>{p.model ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('products.baseUnit')}>{p.baseUnit}</Descriptions.Item>
          <Descriptions.Item label={t('products.listPrice')}>{formatMoney(p.listPrice)}</Descriptions.Item>
          <Descriptions.Item label={t('products.wholesalePrice')}>{p.wholesalePrice === null ? '—' : formatMoney(p.wholesalePrice)}</Descriptions.Item>
          <Descriptions.Item label={t('products.costPrice')}>{formatMoney(p.costPrice)}</Descriptions.Item>
          <Descriptions.Item label={t('products.taxRate')}>{p.taxRate}%</Descriptions.Item>
          <Descriptions.Item label={t('field.updatedAt')}>{formatDateTime(p.updatedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('field.createdAt')}>{formatDateTime(p.createdAt)}</Descriptions.Item>
          {p.attributes.map((a) => (
            <Descriptions.Item key={a.key} label={a.key}>{a.value}</Descriptions.Item>
          ))}
          {p.notes && <Descriptions.Item label={t('field.notes')} span="filled">{p.notes}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={t('products.units')} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={[{ name: p.baseUnit, factor: 1, base: true }, ...p.units.map((u) => ({ ...u, base: false }))]}
          columns={[
            { title: t('products.unitName'), dataIndex: 'name', render: (v: string, r) => <>{v} {r.base && <Tag>{t('products.baseUnitTag')}</Tag>}</> },
            { title: t('products.factor'), dataIndex: 'factor', render: (f: number, r) => (r.base ? 1 : t('products.factorHint', { unit: r.name, factor: f, base: p.baseUnit })) },
          ]}
        />
      </Card>
      <BarcodeLabels product={p} />
    </>
  );
}
