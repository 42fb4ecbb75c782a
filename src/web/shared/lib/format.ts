import i18n from 'i18next';

const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Fen → "¥1,234.50" (empty for null). */
export function formatMoney(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return `${fen < 0 ? '-' : ''}¥${yuan.format(Math.abs(fen) / 100)}`;
}

/** Fen → yuan as a number, for form fields. */
export function fenToYuan(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined ? null : fen / 100;
}

/** Yuan typed by a user → integer fen (rounded to the nearest fen); undefined when empty. */
export function yuanToFen(v: number | string | null | undefined): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(String(v).replace(/[,¥\s]/g, ''));
  return Number.isFinite(n) ? Math.round(n * 100) : undefined;
}

/** ISO time → local date and time in the UI language. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}
