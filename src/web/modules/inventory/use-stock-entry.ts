import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/client';
import { lookupProduct, products, type Product } from '../catalog/api';
import { newIdempotencyKey } from '../../shared/api/idempotency';
import { lineErrorsOf } from './api';
import type { ScanFeedback } from '../../shared/components/ScanBox';

export type EntryProduct = Pick<Product, 'id' | 'sku' | 'name' | 'spec' | 'baseUnit' | 'costPrice'>;
/** One line being entered: quantity in base units (a magnitude; pages add the sign), plus page-specific fields. */
export type EntryLine<X> = X & { key: string; product: EntryProduct; quantity: number | null; error?: string };

let seq = 0;

/**
 * The lines of a stock document being entered (调整 or 期初): add by search or by scanning (a pack
 * barcode adds its factor in base units; the same product again adds to its line), server errors
 * on the lines they name, and one Idempotency-Key per distinct body so a double click posts once.
 */
export function useStockEntry<X extends object>(fresh: (p: EntryProduct) => X) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [lines, setLines] = useState<EntryLine<X>[]>([]);
  // Scans arrive faster than renders: changes are computed from this, always the latest lines.
  const latest = useRef<EntryLine<X>[]>([]);
  const [feedback, setFeedback] = useState<ScanFeedback>(null);
  const lookups = useRef(new Map<string, Awaited<ReturnType<typeof lookupProduct>>>());
  const lastSubmit = useRef<{ body: string; key: string } | null>(null);

  const change = useCallback((fn: (ls: EntryLine<X>[]) => EntryLine<X>[]) => {
    latest.current = fn(latest.current);
    setLines(latest.current);
  }, []);

  const add = (p: EntryProduct, quantity: number) => {
    const existing = latest.current.find((l) => l.product.id === p.id);
    if (existing) change((ls) => ls.map((l) => (l === existing ? { ...l, quantity: (l.quantity ?? 0) + quantity, error: undefined } : l)));
    else change((ls) => [...ls, { ...fresh(p), key: `l${++seq}`, product: p, quantity } as EntryLine<X>]);
    return existing?.key ?? latest.current[latest.current.length - 1].key;
  };

  /** Adds the product picked in the search box (one base unit). */
  const pick = async (id: string) => {
    const p = await qc.fetchQuery({ queryKey: ['products', 'one', id], queryFn: () => products.get(id) });
    return add(p, 1);
  };

  const scan = async (code: string) => {
    try {
      let hit = lookups.current.get(code);
      if (!hit) {
        hit = await lookupProduct(code);
        lookups.current.set(code, hit);
      }
      const { product: p, factor, unitName } = hit;
      add(p, factor);
      const vars = { name: p.name, qty: factor, unit: p.baseUnit, pack: unitName };
      setFeedback({ type: 'success', text: t(factor > 1 ? 'stock.entry.scanPack' : 'stock.entry.scanAdded', vars) });
    } catch (e) {
      const unknown = e instanceof ApiError && e.status === 404;
      setFeedback({ type: 'error', text: unknown ? t('stock.entry.scanUnknown', { code }) : e instanceof Error ? e.message : String(e) });
    }
  };

  const update = (key: string, patch: Partial<EntryLine<X>>) => change((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch, error: undefined } : l)));
  const remove = (key: string) => change((ls) => ls.filter((l) => l.key !== key));

  /** The key for this body: the same while the body is unchanged (a retry), a new one otherwise. */
  const keyFor = (input: unknown) => {
    const body = JSON.stringify(input);
    if (lastSubmit.current?.body !== body) lastSubmit.current = { body, key: newIdempotencyKey() };
    return lastSubmit.current.key;
  };

  /** Shows these messages on these lines (by key) and clears the others. */
  const markLines = (byKey: Map<string, string>) => change((ls) => ls.map((l) => ({ ...l, error: byKey.get(l.key) })));

  /** Puts a refusal on the lines it names (by the keys of the lines as they were sent). */
  const showErrors = (err: unknown, sentKeys: string[], sent: { productId: string }[]) => {
    const byIndex = lineErrorsOf(err, sent);
    markLines(new Map([...byIndex].map(([i, m]) => [sentKeys[i], m])));
  };

  const reset = () => {
    change(() => []);
    setFeedback(null);
    lastSubmit.current = null;
  };

  return { lines, latest, add, pick, scan, feedback, update, remove, keyFor, markLines, showErrors, reset };
}
