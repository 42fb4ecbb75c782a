import { UndoOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Flex, InputNumber, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/lib/errors';
import { fulfilment, type Package } from '../api';
import { fromCm, fromKg, toCm, toKg } from '../format';

type Props = { pkg: Package; active: boolean; onChanged: () => unknown; onDialog: (open: boolean) => void };

/** One box: what is in it, its weight (kg) and size (cm) to save, and 拆箱重装 while it is not shipped. */
export function PackageCard({ pkg: p, active, onChanged, onDialog }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [dims, setDims] = useState({ weight: toKg(p.weightG), length: toCm(p.lengthMm), width: toCm(p.widthMm), height: toCm(p.heightMm) });
  const save = useMutation({
    mutationFn: () => fulfilment.updatePackage(p.id, { weightG: fromKg(dims.weight), lengthMm: fromCm(dims.length), widthMm: fromCm(dims.width), heightMm: fromCm(dims.height) }),
    onSuccess: async () => {
      message.success(t('ship.pack.dimsSaved', { n: p.seq }));
      await onChanged();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const reopen = () => {
    onDialog(true);
    modal.confirm({
      title: t('ship.pack.reopenTitle', { n: p.seq }),
      content: t('ship.pack.reopenContent'),
      okText: t('ship.pack.reopen'),
      okButtonProps: { danger: true },
      cancelText: t('action.cancel'),
      onOk: async () => {
        try {
          await fulfilment.removePackage(p.id);
          message.success(t('ship.pack.reopened', { n: p.seq }));
          await onChanged();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
      afterClose: () => onDialog(false),
    });
  };
  const shipped = p.status === 'shipped';
  const field = (k: keyof typeof dims, label: string, step: number) => (
    <label style={{ display: 'flex', flexDirection: 'column', fontSize: 12, flex: '1 1 70px' }}>
      {label}
      <InputNumber
        value={dims[k]}
        min={0}
        step={step}
        precision={k === 'weight' ? 3 : 1}
        disabled={shipped}
        inputMode="decimal"
        onChange={(v) => setDims((d) => ({ ...d, [k]: v }))}
        aria-label={`${label} ${t('ship.pack.packageN', { n: p.seq })}`}
        style={{ width: '100%' }}
      />
    </label>
  );
  return (
    <Card
      size="small"
      data-testid="package"
      style={active && !shipped ? { borderColor: '#1677ff', borderWidth: 2 } : undefined}
      title={<>{t('ship.pack.packageN', { n: p.seq })} <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }} data-testid="package-warehouse">{p.warehouseName}</Typography.Text> {shipped && <Tag color="blue">{t('ship.pack.shipped')}</Tag>}</>}
      extra={!shipped && p.items.length > 0 && <Button type="text" danger icon={<UndoOutlined />} onClick={reopen}>{t('ship.pack.reopen')}</Button>}
    >
      {p.items.length === 0 ? (
        <Typography.Text type="secondary">{t('ship.pack.emptyPackage')}</Typography.Text>
      ) : (
        p.items.map((i) => (
          <Flex key={i.orderLineId} justify="space-between" gap={8}>
            <span>{i.sku} {i.productName}</span>
            <b style={{ whiteSpace: 'nowrap' }}>{i.quantity} {i.baseUnit}</b>
          </Flex>
        ))
      )}
      <Flex gap={8} wrap="wrap" align="flex-end" style={{ marginTop: 8 }}>
        {field('weight', t('ship.pack.weight'), 0.1)}
        {field('length', t('ship.pack.length'), 1)}
        {field('width', t('ship.pack.width'), 1)}
        {field('height', t('ship.pack.height'), 1)}
        {!shipped && <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="save-dims">{t('ship.pack.saveDims')}</Button>}
      </Flex>
    </Card>
  );
}
