import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Modal, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, downloadFile } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/lib/errors';

const kinds = ['sales', 'cogs', 'purchases', 'payments'] as const;
/** A local calendar date as YYYY-MM-DD (the browser is taken to be in the business time zone). */
const dayOf = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** 导出凭证: voucher rows (凭证分录) of a date range for 用友 / 金蝶, as .xlsx or .csv (GET /finance/accounting-export). */
export function VoucherExportButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const now = new Date();
  const [from, setFrom] = useState(dayOf(new Date(now.getFullYear(), now.getMonth(), 1)));
  const [to, setTo] = useState(dayOf(now));
  const [chosen, setChosen] = useState<string[]>([...kinds]);
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadFile('/finance/accounting-export', { from, to, format, kinds: chosen.join(',') }, `vouchers.${format}`);
      setOpen(false);
    } catch (e) {
      // A refused range or kind: the server's reason for each field, not only its summary.
      const reasons = e instanceof ApiError ? e.fieldErrors.map((d) => d.message).filter(Boolean) : [];
      setError(reasons.length ? reasons.join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => setOpen(true)} data-testid="fin-export-vouchers">{t('fin.vouchers.button')}</Button>
      <Modal
        open={open} title={t('fin.vouchers.title')} onCancel={() => setOpen(false)} onOk={() => void run()} okText={t('fin.vouchers.export')}
        okButtonProps={{ loading: busy, disabled: chosen.length === 0 || !from || !to, 'data-testid': 'fin-export-vouchers-ok' }}
      >
        <Form layout="vertical">
          <Form.Item label={t('fin.vouchers.range')}>
            <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} style={{ width: 170 }} aria-label={t('fin.vouchers.from')} />
            {' – '}
            <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} style={{ width: 170 }} aria-label={t('fin.vouchers.to')} />
          </Form.Item>
          <Form.Item label={t('fin.vouchers.kinds')}>
            <Checkbox.Group value={chosen} onChange={(v) => setChosen(v as string[])} options={kinds.map((k) => ({ value: k, label: t(`fin.vouchers.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item label={t('fin.vouchers.format')}>
            <Segmented value={format} onChange={(v) => setFormat(v as 'xlsx' | 'csv')} options={[{ value: 'xlsx', label: 'Excel (.xlsx)' }, { value: 'csv', label: 'CSV' }]} />
          </Form.Item>
          <div style={{ color: 'rgba(0,0,0,0.45)' }}>{t('fin.vouchers.hint')}</div>
          {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="fin-export-vouchers-error" />}
        </Form>
      </Modal>
    </>
  );
}
