import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, AutoComplete, Flex, InputNumber, Radio, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/lib/errors';
import { stock, type AdjustmentInput } from '../api';
import { EntryForm } from '../components/EntryForm';
import { LineStock } from '../components/LineStock';
import { useWarehouses } from '../components/WarehouseSelect';
import { useStockEntry, type EntryLine } from '../use-stock-entry';

type Direction = 'loss' | 'gain';
type Extra = { direction: Direction; reason: string };
type Line = EntryLine<Extra>;

const signed = (l: Line) => (l.direction === 'loss' ? -1 : 1) * (l.quantity ?? 0);

/** 新建库存调整: lines by scan or search, 报损/报溢 per line, reason required, current stock shown; posted once per submit. */
export default function AdjustmentNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const whs = useWarehouses();
  const [chosen, setChosen] = useState<string>();
  const warehouseId = chosen ?? whs.defaultId;
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // New lines are losses: damaged or missing goods are what a scan on the floor is usually about.
  const entry = useStockEntry<Extra>(() => ({ direction: 'loss', reason: '' }));
  const inFlight = useRef(false);
  const presets = t('stock.adjust.reasonPresets').split('|').map((value) => ({ value }));

  const save = useMutation({
    mutationFn: ({ input, key }: { input: AdjustmentInput; key: string; keys: string[] }) => stock.postAdjustment(input, key),
    onSuccess: async (doc) => {
      message.success(t('stock.adjust.saved', { number: doc.number }));
      await qc.invalidateQueries({ queryKey: ['stock'] });
      navigate(`/stock/adjustments?open=${doc.id}`, { replace: true });
    },
    onError: (e, { input, keys }) => {
      entry.showErrors(e, keys, input.lines);
      setProblem(errorMessage(e));
      if (e instanceof ApiError && e.code === 'INSUFFICIENT_STOCK') void qc.invalidateQueries({ queryKey: ['stock'] });
    },
    onSettled: () => {
      inFlight.current = false;
    },
  });

  const submit = () => {
    const ls = entry.latest.current;
    const invalid = new Map<string, string>();
    ls.forEach((l, i) => {
      if (!l.quantity) invalid.set(l.key, t('stock.entry.needQuantity', { n: i + 1 }));
      else if (!l.reason.trim()) invalid.set(l.key, t('stock.entry.needReason', { n: i + 1 }));
    });
    const first = !warehouseId ? t('stock.entry.needWarehouse') : !ls.length ? t('stock.entry.needLines') : [...invalid.values()][0];
    entry.markLines(invalid);
    setProblem(first ?? null);
    if (first || inFlight.current) return;
    const input: AdjustmentInput = { warehouseId: warehouseId!, note: note.trim() || undefined, lines: ls.map((l) => ({ productId: l.product.id, quantity: signed(l), reason: l.reason.trim() })) };
    inFlight.current = true;
    save.mutate({ input, key: entry.keyFor(input), keys: ls.map((l) => l.key) });
  };

  const renderLine = (l: Line, i: number) => (
    <Flex vertical gap={6}>
      <Flex wrap="wrap" gap={8} align="center">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={l.direction}
          onChange={(e) => entry.update(l.key, { direction: e.target.value as Direction })}
          options={[
            { value: 'loss', label: t('stock.adjust.loss') },
            { value: 'gain', label: t('stock.adjust.gain') },
          ]}
          aria-label={`${t('stock.adjust.direction')} ${i + 1}`}
        />
        <InputNumber<number>
          value={l.quantity}
          precision={0}
          // A typed minus sign means 报损: the number stays a magnitude, the toggle carries the sign.
          onChange={(v) => entry.update(l.key, v !== null && v < 0 ? { quantity: -v, direction: 'loss' } : { quantity: v })}
          status={l.error && !l.quantity ? 'error' : undefined}
          prefix={<Typography.Text type={l.direction === 'loss' ? 'danger' : 'success'}>{l.direction === 'loss' ? '−' : '+'}</Typography.Text>}
          suffix={l.product.baseUnit}
          aria-label={`${t('stock.entry.quantity')} ${i + 1}`}
          inputMode="numeric"
          style={{ width: 130 }}
        />
        <AutoComplete
          value={l.reason}
          options={presets}
          filterOption={(input, o) => !input || String(o?.value ?? '').toLowerCase().includes(input.toLowerCase())}
          onChange={(reason: string) => entry.update(l.key, { reason })}
          placeholder={t('stock.adjust.reasonPlaceholder')}
          aria-label={`${t('stock.adjust.reason')} ${i + 1}`}
          status={l.error && l.quantity && !l.reason.trim() ? 'error' : undefined}
          style={{ flex: '1 1 160px', minWidth: 160 }}
        />
      </Flex>
      <LineStock productId={l.product.id} warehouseId={warehouseId} unit={l.product.baseUnit} delta={signed(l)} />
    </Flex>
  );

  return (
    <EntryForm<Extra>
      title={t('stock.adjust.title')}
      backTo="/stock/adjustments"
      warehouseId={warehouseId}
      onWarehouse={setChosen}
      note={note}
      onNote={setNote}
      entry={entry}
      renderLine={renderLine}
      problem={problem}
      submitText={t('stock.adjust.submit')}
      saving={save.isPending}
      onSubmit={submit}
    />
  );
}
