import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { barcodeImageUrl, type Product } from '../api';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Opens the product's barcode labels in a new window and prints them. */
function printLabels(p: Product) {
  const w = window.open('', '_blank', 'width=600,height=700');
  if (!w) return;
  const labels = p.barcodes
    .map((b) => `<div class="l"><div class="n">${esc(p.name)}</div><img src="${barcodeImageUrl(b.barcode)}" alt="${esc(b.barcode)}"><div class="c">${esc(b.barcode)} · ${esc(b.unitName)}</div></div>`)
    .join('');
  w.document.write(
    `<!doctype html><html><head><meta charset="utf-8"><title>${esc(p.sku)}</title><style>
      body{font-family:sans-serif;margin:8mm} .l{display:inline-block;text-align:center;margin:4mm;padding:3mm;border:1px dashed #ccc;page-break-inside:avoid}
      .n{font-size:12px;margin-bottom:2mm} .c{font-size:11px;margin-top:1mm} img{max-width:60mm;height:auto}
      @media print{.l{border:none}}</style></head><body>${labels}
      <script>Promise.all([...document.images].map(i=>i.complete?0:new Promise(r=>{i.onload=i.onerror=r}))).then(()=>{print()})</script></body></html>`,
  );
  w.document.close();
}

/** Each barcode as an image, with a print button for labels. */
export function BarcodeLabels({ product }: { product: Product }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('products.barcodes')}
      extra={
        product.barcodes.length > 0 && (
          <Button icon={<PrinterOutlined />} onClick={() => printLabels(product)}>
            {t('products.printBarcodes')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    >
      {product.barcodes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('products.noBarcodes')} />
      ) : (
        <Flex wrap="wrap" gap={16}>
          {product.barcodes.map((b) => (
            <Flex key={b.id} vertical align="center" style={{ padding: 8, border: '1px solid #f0f0f0', borderRadius: 6 }}>
              <img src={barcodeImageUrl(b.barcode)} alt={b.barcode} style={{ maxWidth: 240, height: 80, objectFit: 'contain' }} data-testid="barcode-image" />
              <Typography.Text copyable={{ text: b.barcode }}>{b.barcode}</Typography.Text>
              <Typography.Text type="secondary">{b.unitName}</Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
