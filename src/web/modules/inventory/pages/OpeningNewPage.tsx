import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Flex, InputNumber, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MoneyInput } from '../../../shared/components/form-parts';
import { errorMessage } from '../../../shared/lib/errors';
import { fenToYuan, formatMoney, yuanToFen } from '../../../shared/lib/format';
import { stock, type OpeningInput } from '../api';
import { EntryForm } from '../components/EntryForm';
import { LineStock } from '../components/LineStock';
import { useWarehouses } from '../components/WarehouseSelect';
import { useStockEntry, type EntryLine } from '../use-stock-entry';

/** Unit cost as typed, in yuan (sent as fen). */
type Extra = { unitCost: number | null };
type Line = EntryLine<Extra>;

const amountOf = (l: Line) => (l.quantity ?? 0) * (yuanToFen(l.unitCost) ?? 0);

/** 录入期初库存: quantity and unit cost per product in one warehouse, posted once per submit. */
export default function OpeningNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const whs = useWarehouses();
  const [chosen, setChosen] = useState<string>();
  const warehouseId = chosen ?? whs.defaultId;
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // The product's cost price is the likeliest opening cost; the user overwrites it when they know better.
  const entry = useStockEntry<Extra>((p) => ({ unitCost: fenToYuan(p.costPrice) }));
  const inFlight = useRef(false);

  const save = useMutation({
    mutationFn: ({ input, key }: { input: OpeningInput; key: string; keys: string[] }) => stock.postOpening(input, key),
    onSuccess: async (doc) => {
      message.success(t('stock.opening.saved', { number: doc.number }));
      await qc.invalidateQueries({ queryKey: ['stock'] });
      navigate(`/stock/opening?open=${doc.id}`, { replace: true });
    },
    onError: (e, { input, keys }) => {
      entry.showErrors(e, keys, input.lines);
      setProblem(errorMessage(e));
    },
    onSettled: () => {
      inFlight.current = false;
    },
  });

  const submit = () => {
    const ls = entry.latest.current;
    const invalid = new Map<string, string>();
    ls.forEach((l, i) => {
      if (!l.quantity || l.quantity < 1) invalid.set(l.key, t('stock.entry.needQuantity', { n: i + 1 }));
      else if (yuanToFen(l.unitCost) === undefined) invalid.set(l.key, t('stock.entry.needCost', { n: i + 1 }));
    });
    const first = !warehouseId ? t('stock.entry.needWarehouse') : !ls.length ? t('stock.entry.needLines') : [...invalid.values()][0];
    entry.markLines(invalid);
    setProblem(first ?? null);
    if (first || inFlight.current) return;
    const input: OpeningInput = {
      warehouseId: warehouseId!,
      note: note.trim() || undefined,
      lines: ls.map((l) => ({ productId: l.product.id, quantity: l.quantity!, unitCost: yuanToFen(l.unitCost)! })),
    };
    inFlight.current = true;
    save.mutate({ input, key: entry.keyFor(input), keys: ls.map((l) => l.key) });
  };

  const renderLine = (l: Line, i: number) => (
    <Flex vertical gap={6}>
      <Flex wrap="wrap" gap={8} align="center">
        <InputNumber<number>
          value={l.quantity}
          min={1}
          precision={0}
          onChange={(quantity) => entry.update(l.key, { quantity })}
          suffix={l.product.baseUnit}
          aria-label={`${t('stock.entry.quantity')} ${i + 1}`}
          inputMode="numeric"
          style={{ width: 130 }}
        />
        <span>×</span>
        <MoneyInput
          value={l.unitCost}
          onChange={(unitCost) => entry.update(l.key, { unitCost })}
          aria-label={`${t('stock.opening.unitCost')} ${i + 1}`}
          inputMode="decimal"
          style={{ width: 130 }}
        />
        <Typography.Text strong style={{ marginInlineStart: 'auto', whiteSpace: 'nowrap' }} data-testid="line-amount">
          = {formatMoney(amountOf(l))}
        </Typography.Text>
      </Flex>
      <LineStock productId={l.product.id} warehouseId={warehouseId} unit={l.product.baseUnit} opening />
    </Flex>
  );

  const total = entry.lines.reduce((s, l) => s + amountOf(l), 0);
  return (
    <EntryForm<Extra>
      title={t('stock.opening.title')}
      backTo="/stock/opening"
      intro={<Alert type="info" showIcon title={t('stock.opening.hint')} style={{ marginBottom: 12 }} />}
      warehouseId={warehouseId}
      onWarehouse={setChosen}
      note={note}
      onNote={setNote}
      entry={entry}
      renderLine={renderLine}
      summary={<Typography.Text strong data-testid="opening-total">{t('stock.opening.total', { amount: formatMoney(total) })}</Typography.Text>}
      problem={problem}
      submitText={t('stock.opening.submit')}
      saving={save.isPending}
      onSubmit={submit}
    />
  );
}
