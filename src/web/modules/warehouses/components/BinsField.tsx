import { Button, Flex, Form, Input, InputNumber, Popover, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RowsField } from '../../../shared/components/RowsField';
import type { Bin } from '../api';

const item = { marginBottom: 0 };

/** Bin codes prefix + zero-padded numbers, e.g. A-01 … A-20. */
function binCodes(prefix: string, from: number, to: number, digits: number): string[] {
  const out: string[] = [];
  for (let n = from; n <= to && out.length < 1000; n++) out.push(prefix + String(n).padStart(digits, '0'));
  return out;
}

function BatchAdd({ onAdd }: { onAdd: (codes: string[], zone: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({ zone: '', prefix: 'A-', from: 1, to: 20, digits: 2 });
  const codes = binCodes(v.prefix, v.from, v.to, v.digits);
  const num = (key: 'from' | 'to' | 'digits', min: number) => (
    <InputNumber<number> min={min} max={9999} precision={0} value={v[key]} onChange={(n) => setV({ ...v, [key]: n ?? min })} style={{ width: 80 }} aria-label={t(`warehouses.${key}`)} />
  );
  const content = (
    <Flex vertical gap={8} style={{ maxWidth: 320 }}>
      <Flex gap={8} wrap="wrap">
        <Input value={v.zone} onChange={(e) => setV({ ...v, zone: e.target.value })} placeholder={t('warehouses.zone')} aria-label={t('warehouses.zone')} style={{ width: 90 }} />
        <Input value={v.prefix} onChange={(e) => setV({ ...v, prefix: e.target.value })} placeholder={t('warehouses.prefix')} aria-label={t('warehouses.prefix')} style={{ width: 90 }} />
      </Flex>
      <Flex gap={8} align="center" wrap="wrap">
        {num('from', 0)} – {num('to', 0)} <Typography.Text type="secondary">{t('warehouses.digits')}</Typography.Text> {num('digits', 1)}
      </Flex>
      <Typography.Text type="secondary">{codes.length ? t('warehouses.preview', { first: codes[0], last: codes[codes.length - 1], count: codes.length }) : '—'}</Typography.Text>
      <Button type="primary" disabled={!codes.length} onClick={() => { onAdd(codes, v.zone.trim()); setOpen(false); }}>
        {t('warehouses.generate')}
      </Button>
    </Flex>
  );
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" title={t('warehouses.batchAdd')} content={content}>
      <Button>{t('warehouses.batchAdd')}</Button>
    </Popover>
  );
}

/** 库位: code, zone, pick order and status per bin; plus a generator for numbered runs of bins. */
export function BinsField() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const addMany = (codes: string[], zone: string) => {
    const list = (form.getFieldValue('bins') ?? []) as Partial<Bin>[];
    const taken = new Set(list.map((b) => b.code));
    const start = list.length;
    const added = codes.filter((c) => !taken.has(c)).map((code, i) => ({ code, zone: zone || null, sortOrder: (start + i + 1) * 10, status: 'active' as const }));
    form.setFieldValue('bins', [...list, ...added]);
  };
  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 8 }}>
        <BatchAdd onAdd={addMany} />
      </Flex>
      <RowsField name="bins" addText={t('warehouses.addBin')} newRow={{ code: '', status: 'active' }} testId="bin-row">
        {(i) => (
          <>
            <Form.Item name={[i, 'code']} style={item} rules={[{ required: true, whitespace: true, message: t('msg.required', { field: t('warehouses.binCode') }) }]}>
              <Input placeholder={t('warehouses.binCode')} aria-label={t('warehouses.binCode')} style={{ width: 130 }} />
            </Form.Item>
            <Form.Item name={[i, 'zone']} style={item}>
              <Input placeholder={t('warehouses.zone')} aria-label={t('warehouses.zone')} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name={[i, 'sortOrder']} style={item}>
              <InputNumber<number> min={0} precision={0} placeholder={t('warehouses.sortOrder')} aria-label={t('warehouses.sortOrder')} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item name={[i, 'status']} style={item}>
              <Select options={[{ value: 'active', label: t('status.active') }, { value: 'inactive', label: t('status.inactive') }]} style={{ width: 90 }} aria-label={t('status.label')} />
            </Form.Item>
          </>
        )}
      </RowsField>
    </>
  );
}
