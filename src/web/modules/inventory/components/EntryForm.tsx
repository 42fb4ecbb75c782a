import { ArrowLeftOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Form, Input, Row, Typography, theme } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../shared/components/PageHeader';
import { ProductSelect } from '../../catalog/components/ProductSelect';
import type { EntryLine, useStockEntry } from '../use-stock-entry';
import { ScanBox } from '../../../shared/components/ScanBox';
import { WarehouseSelect } from './WarehouseSelect';

type Props<X extends object> = {
  title: string;
  backTo: string;
  intro?: ReactNode;
  warehouseId?: string;
  onWarehouse: (id: string) => void;
  note: string;
  onNote: (note: string) => void;
  entry: ReturnType<typeof useStockEntry<X>>;
  /** The inputs of one line (under its product title). */
  renderLine: (line: EntryLine<X>, index: number) => ReactNode;
  /** Shown left of the submit button (totals). */
  summary?: ReactNode;
  problem: string | null;
  submitText: string;
  saving: boolean;
  onSubmit: () => void;
};

/** The frame of a stock document being entered: warehouse, scan box and product search, one card per line, errors, submit. */
export function EntryForm<X extends object>(p: Props<X>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const { entry } = p;
  // On a phone the refusal would sit below the fold: bring it into view.
  const problemRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (p.problem) problemRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [p.problem]);
  return (
    <>
      <PageHeader title={p.title} back={<Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(p.backTo)} aria-label={t('action.back')} />} />
      {p.intro}
      <Form layout="vertical" component="div">
        <Card size="small" style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label={t('stock.entry.warehouse')} htmlFor="stock-warehouse" required style={{ marginBottom: 8 }}>
                <WarehouseSelect id="stock-warehouse" value={p.warehouseId} onChange={p.onWarehouse} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item label={t('stock.entry.note')} htmlFor="stock-note" style={{ marginBottom: 8 }}>
                <Input id="stock-note" value={p.note} maxLength={500} onChange={(e) => p.onNote(e.target.value)} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('stock.entry.lines')} style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <ScanBox onScan={entry.scan} feedback={entry.feedback} />
            </Col>
            <Col xs={24} md={12} style={{ marginBottom: 8 }}>
              <ProductSelect
                value={null}
                onChange={(id: string) => id && void entry.pick(id)}
                placeholder={t('stock.entry.productSearchPlaceholder')}
                aria-label={t('stock.entry.productSearch')}
                data-testid="product-search"
                style={{ width: '100%' }}
              />
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>{t('stock.entry.keyboardHint')}</Typography.Paragraph>
          {entry.lines.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stock.entry.noLines')} />
          ) : (
            <Flex vertical gap={8}>
              {entry.lines.map((l, i) => (
                <Card
                  key={l.key}
                  size="small"
                  data-testid="entry-line"
                  style={l.error ? { borderColor: token.colorError } : undefined}
                  title={
                    <span style={{ whiteSpace: 'normal' }}>
                      {i + 1}. <Typography.Text strong>{l.product.sku}</Typography.Text> {l.product.name}
                      {l.product.spec && <Typography.Text type="secondary"> {l.product.spec}</Typography.Text>}
                    </span>
                  }
                  extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => entry.remove(l.key)} aria-label={`${t('stock.entry.removeLine')} ${i + 1}`} />}
                >
                  {p.renderLine(l, i)}
                  {l.error && (
                    <Typography.Text type="danger" style={{ display: 'block', marginTop: 4 }} data-testid="line-error">
                      {l.error}
                    </Typography.Text>
                  )}
                </Card>
              ))}
            </Flex>
          )}
        </Card>
      </Form>
      <div ref={problemRef}>
        {p.problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('stock.entry.notSaved')} description={p.problem} data-testid="entry-problem" />}
      </div>
      <Flex gap={8} justify="flex-end" align="center" wrap="wrap" style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: token.colorBgLayout, zIndex: 2 }}>
        {p.summary && <div style={{ marginInlineEnd: 'auto' }}>{p.summary}</div>}
        <Button onClick={() => navigate(p.backTo)}>{t('action.cancel')}</Button>
        <Button type="primary" onClick={p.onSubmit} loading={p.saving} data-testid="entry-submit">
          {p.submitText}
        </Button>
      </Flex>
    </>
  );
}
