import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { newIdempotencyKey } from '../../shared/api/idempotency';
import { lookupProduct, products, type Product } from '../catalog/api';
import type { Customer } from '../partners/api';
import { salesOrders, shortageOf, type SalesOrder, type SalesOrderInput, type ShortageMode } from './api';
import type { Shortage } from './components/ShortagePanel';
import {
  addOrIncrement, baseNeededByOthers, draftFromOrder, priceDraft, removeLine, setCustomer, substitute, tierPrice, toInput, updateLine,
  type Draft, type DraftLine,
} from './order-draft';

const emptyDraft: Draft = { priceTier: 'retail', warehouseId: '', lines: [], pricesIncludeTax: true, orderDiscount: 0, notes: '' };
type Feedback = { type: 'error' | 'success'; text: string } | null;

/** A saved order opened for editing, with its lines' products and its customer. */
export type EditSource = { order: SalesOrder; products: Map<string, Product>; customer: Customer };

/** Which title a shortage panel needs: nothing saved (new order, or an edit refused whole), or saved but not confirmed. */
export type ShortageStage = 'create' | 'edit' | 'confirmAfterEdit';

/**
 * The state of 新建销售订单 (or 修改, given `editing`): the draft, scanning, shortages from a refused
 * confirmation, and saving — a new order with one Idempotency-Key per distinct submission (a double
 * click makes one order), an edit by PATCH and then, when asked, 确认.
 */
export function useOrderEntry(defaultWarehouse: string, onSaved: (o: SalesOrder) => void, editing?: EditSource) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [initial] = useState<Draft>(() =>
    editing ? draftFromOrder(editing.order, editing.products, editing.customer.priceTier ?? 'retail', editing.customer.addresses) : emptyDraft);
  const [draft, setDraft] = useState<Draft>(initial);
  // Scans arrive faster than renders: changes are computed from this, always the latest draft.
  const latest = useRef<Draft>(initial);
  const [customer, setCustomerObj] = useState<Customer | undefined>(editing?.customer);
  const stage = useRef<ShortageStage>(editing ? 'edit' : 'create');
  const [shortageStage, setShortageStage] = useState<ShortageStage>(editing ? 'edit' : 'create');
  const [shortages, setShortages] = useState<Shortage[]>([]);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const lookups = useRef(new Map<string, Awaited<ReturnType<typeof lookupProduct>>>());
  const lastSubmit = useRef<{ body: string; key: string } | null>(null);

  const change = useCallback((fn: (d: Draft) => Draft) => {
    latest.current = fn(latest.current);
    setDraft(latest.current);
  }, []);

  const orderWarehouse = draft.warehouseId || defaultWarehouse;
  const priced = useMemo(() => priceDraft(draft), [draft]);
  const resolve = (key: string) => setShortages((list) => list.map((s) => (s.lineKey === key ? { ...s, resolved: true } : s)));

  const pickCustomer = (id: string | undefined, c: Customer | undefined) => {
    setCustomerObj(c);
    change((d) => setCustomer(d, id, c?.priceTier ?? 'retail'));
  };

  /** Adds a product (base unit unless a pack barcode said otherwise); returns the line's key. */
  const addProduct = (p: Product, unit = p.baseUnit, factor = 1) => {
    const r = addOrIncrement(latest.current, p, unit, factor);
    change(() => r.draft);
    return r;
  };

  const scan = async (code: string) => {
    try {
      let hit = lookups.current.get(code);
      if (!hit) {
        hit = await lookupProduct(code);
        lookups.current.set(code, hit);
      }
      const r = addProduct(hit.product, hit.unitName, hit.factor);
      setFeedback({ type: 'success', text: t(r.incremented ? 'sales.scanIncremented' : 'sales.scanAdded', { name: hit.product.name, unit: hit.unitName }) });
    } catch (e) {
      const unknown = e instanceof ApiError && e.status === 404;
      setFeedback({ type: 'error', text: unknown ? t('sales.scanUnknown', { code }) : e instanceof Error ? e.message : String(e) });
    }
  };

  const lineOf = (s: Shortage) => draft.lines.find((l) => l.key === s.lineKey);
  const allowed = (s: Shortage) => {
    const line = lineOf(s);
    return line ? Math.max(0, s.detail.available - baseNeededByOthers(draft, line, orderWarehouse)) : 0;
  };
  const shortageActions = {
    allowed,
    onSwitchWarehouse: (s: Shortage, warehouseId: string) => {
      change((d) => updateLine(d, s.lineKey, { warehouseId }));
      resolve(s.lineKey);
    },
    onReduce: (s: Shortage) => {
      const line = lineOf(s);
      const max = allowed(s);
      if (!line || max <= 0) return;
      const patch: Partial<DraftLine> = max % line.factor === 0
        ? { quantity: max / line.factor }
        : { unit: line.product.baseUnit, quantity: max, ...(line.priceEdited ? { unitPrice: Math.round(line.unitPrice / line.factor) } : { unitPrice: tierPrice(line.product, draft.priceTier, 1) }) };
      change((d) => updateLine(d, s.lineKey, patch));
      resolve(s.lineKey);
    },
    onSubstitute: async (s: Shortage, productId: string, warehouseId: string) => {
      const p = await qc.fetchQuery({ queryKey: ['products', 'one', productId], queryFn: () => products.get(productId) });
      change((d) => substitute(d, s.lineKey, p, warehouseId));
      resolve(s.lineKey);
    },
    onRemove: (s: Shortage) => change((d) => removeLine(d, s.lineKey)),
  };

  const save = useMutation({
    mutationFn: async ({ input, key }: { input: SalesOrderInput; key: string; lineKeys: string[] }) => {
      if (!editing) return salesOrders.create(input, key);
      const { customerId: _c, confirm, ...edit } = input;
      const id = editing.order.id;
      stage.current = 'edit';
      const saved = await salesOrders.update(id, edit);
      if (!confirm || saved.status !== 'draft') return saved;
      stage.current = 'confirmAfterEdit';
      return salesOrders.confirm(id, input.shortage);
    },
    onSuccess: async (o) => {
      setShortages([]);
      await qc.invalidateQueries({ queryKey: ['salesOrders'] });
      await qc.invalidateQueries({ queryKey: ['stock'] });
      onSaved(o);
    },
    onError: (e, { lineKeys }) => {
      const short = e instanceof ApiError && e.code === 'INSUFFICIENT_STOCK' ? shortageOf(e.details) : [];
      if (stage.current === 'confirmAfterEdit') void qc.invalidateQueries({ queryKey: ['salesOrders'] });
      if (short.length) {
        setShortageStage(stage.current);
        // details[].field is lines.N.quantity of what was sent; the line keys were captured with it.
        setShortages(short.map((d) => ({ lineKey: lineKeys[Number(d.field.split('.')[1])] ?? '', detail: d, resolved: false })));
        void qc.invalidateQueries({ queryKey: ['stock'] });
        setProblems([]);
        return;
      }
      setShortages([]);
      const fields = e instanceof ApiError ? e.fieldErrors : [];
      setProblems(fields.length ? fields.map((f) => `${fieldName(f.field)}${f.message}`) : [e.message]);
    },
  });

  const fieldName = (field: string) => {
    const m = /^lines\.(\d+)\./.exec(field);
    return m ? t('sales.lineLabel', { n: Number(m[1]) + 1 }) : '';
  };

  /** Validates and sends; returns a message when something must be filled first. */
  const submit = (confirm: boolean, shortage: ShortageMode = 'refuse'): string | null => {
    const d = latest.current;
    if (!d.customerId) return t('sales.pickCustomer');
    if (d.lines.length === 0) return t('sales.needLines');
    const empty = d.lines.findIndex((l) => !l.quantity);
    if (empty >= 0) return t('sales.needQuantity', { n: empty + 1 });
    if (save.isPending) return null;
    const addr = d.addressIndex === -1 ? editing?.order.shippingAddress : d.addressIndex !== undefined ? customer?.addresses[d.addressIndex] : undefined;
    const address = addr ? (({ label: _l, isDefault: _d, ...rest }) => rest)(addr) : undefined;
    const input = { ...toInput(d, { warehouseId: orderWarehouse, address, confirm }), shortage };
    const body = JSON.stringify(input);
    if (lastSubmit.current?.body !== body) lastSubmit.current = { body, key: newIdempotencyKey() };
    save.mutate({ input, key: lastSubmit.current.key, lineKeys: d.lines.map((l) => l.key) });
    return null;
  };

  return { draft, change, customer, pickCustomer, orderWarehouse, priced, addProduct, scan, feedback, shortages, shortageStage, shortageActions, problems, save, submit };
}
