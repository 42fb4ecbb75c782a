import { Alert, Button, Flex, Segmented, Spin } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../../shared/lib/errors';

export type PrintLang = 'zh-CN' | 'en';

const css = `
@page { size: A4; margin: 12mm; }
.sh-print { max-width: 186mm; margin: 0 auto; padding: 16px; background: #fff; color: #000; font-size: 12px; line-height: 1.5; overflow-x: auto; }
.sh-print h1 { text-align: center; font-size: 20px; letter-spacing: 2px; margin: 0 0 12px; }
.sh-print h2 { font-size: 14px; margin: 12px 0 4px; }
.sh-print .meta { display: grid; grid-template-columns: 1fr 1fr; gap: 2px 24px; margin-bottom: 10px; }
.sh-print table { width: 100%; border-collapse: collapse; }
.sh-print th, .sh-print td { border: 1px solid #000; padding: 3px 5px; vertical-align: middle; }
.sh-print th { background: #f2f2f2; font-weight: 600; white-space: nowrap; }
.sh-print td.n { text-align: right; white-space: nowrap; }
.sh-print td.c { text-align: center; }
.sh-print img.bc { height: 34px; max-width: 52mm; display: block; margin: 0 auto; }
.sh-print .sign { display: flex; justify-content: space-between; margin-top: 28px; gap: 12px; }
.sh-print .sign span { min-width: 30%; }
.sh-print tr { page-break-inside: avoid; }
@media print {
  body { background: #fff !important; }
  .no-print { display: none !important; }
  .sh-print { padding: 0; max-width: none; overflow: visible; }
  .sh-print th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

type Props<T> = {
  data: T | undefined;
  error: unknown;
  /** The window title (and file name when saved as PDF). */
  title: (t: TFunction, data: T) => string;
  /** Extra page CSS (a label's own page size). */
  extraCss?: string;
  children: (data: T, t: TFunction, lang: PrintLang) => ReactNode;
};

/**
 * A print view: the printout in Chinese or English (?lang=, else the UI language; switchable above
 * it), printed once its barcode images have loaded.
 */
export function PrintFrame<T>({ data, error, title, extraCss, children }: Props<T>) {
  const { i18n } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const lang: PrintLang = (sp.get('lang') ?? i18n.language) === 'en' ? 'en' : 'zh-CN';
  const t = i18n.getFixedT(lang);
  const ui = i18n.getFixedT(i18n.language);
  const [ready, setReady] = useState(false);
  const printed = useRef(false);
  useEffect(() => {
    if (!data) return;
    document.title = title(t, data);
    if (printed.current) return;
    let live = true;
    // Let the barcodes load and the layout settle before the dialog takes its snapshot.
    const images = [...document.images].map((img) => (img.complete ? null : new Promise((r) => { img.onload = img.onerror = r; }))).filter(Boolean);
    void Promise.all(images).then(() => setTimeout(() => {
      if (!live) return;
      setReady(true);
      printed.current = true;
      window.print();
    }, 300));
    return () => {
      live = false;
    };
  }, [data, t, title]);
  if (error) return <Alert type="error" showIcon title={errorMessage(error)} style={{ margin: 24 }} />;
  if (!data) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  return (
    <>
      <style>{css + (extraCss ?? '')}</style>
      <Flex className="no-print" gap={8} justify="center" align="center" wrap="wrap" style={{ padding: 12, borderBottom: '1px solid #eee' }}>
        <Segmented
          aria-label={ui('ship.printLang')}
          value={lang}
          onChange={(v) => setSp((p) => { const n = new URLSearchParams(p); n.set('lang', v === 'en' ? 'en' : 'zh'); return n; }, { replace: true })}
          options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]}
        />
        <Button type="primary" onClick={() => window.print()}>{ui('ship.print')}</Button>
        <Button onClick={() => window.close()}>{ui('ship.close')}</Button>
      </Flex>
      <div data-testid="print-view" data-ready={ready || undefined}>{children(data, t, lang)}</div>
    </>
  );
}
