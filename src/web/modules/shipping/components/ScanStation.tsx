import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { ConfigProvider, type InputRef } from 'antd';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ScanBox } from '../../../shared/components/ScanBox';
import { beepError, beepOk } from '../beep';

/** What became of one scan: shown big under the box, with a sound. */
export type ScanOutcome = { ok: boolean; text: ReactNode; title?: string };

type Props = {
  /** Handles one code; resolves to what to tell the user. */
  onScan: (code: string) => Promise<ScanOutcome>;
  /** While true (a dialog is open) the box does not take the caret back. */
  paused?: boolean;
  hint?: ReactNode;
};

const editable = (el: Element | null) => !!el && (el.matches('input, textarea, select, [contenteditable="true"]') || !!el.closest('.ant-select, .ant-modal, .ant-drawer, .ant-picker-dropdown'));

/**
 * The scan box of a warehouse screen: large, the caret always back in it (after a scan, a tap on a
 * button, or when the page opens), and each outcome shown big, in colour, with a beep; a refused
 * scan buzzes twice so the picker hears it without looking.
 */
export function ScanStation({ onScan, paused, hint }: Props) {
  const ref = useRef<InputRef>(null);
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const refocus = useCallback(() => {
    if (paused) return;
    setTimeout(() => {
      if (!editable(document.activeElement)) ref.current?.focus();
    }, 0);
  }, [paused]);

  useEffect(() => {
    refocus();
    // A tap anywhere that does not land in another field brings the caret back.
    const onUp = () => refocus();
    document.addEventListener('pointerup', onUp);
    document.addEventListener('keyup', onUp);
    return () => {
      document.removeEventListener('pointerup', onUp);
      document.removeEventListener('keyup', onUp);
    };
  }, [refocus]);

  const scan = async (code: string) => {
    const o = await onScan(code);
    if (o.ok) beepOk();
    else beepError();
    setOutcome(o);
    refocus();
  };

  return (
    <div data-testid="scan-station">
      <ConfigProvider componentSize="large">
        <div style={{ fontSize: 18 }}>
          <ScanBox ref={ref} onScan={scan} />
        </div>
      </ConfigProvider>
      {outcome ? (
        <div
          role="alert"
          data-testid={outcome.ok ? 'scan-ok' : 'scan-error'}
          style={{
            display: 'flex', gap: 10, alignItems: 'flex-start', padding: '10px 12px', borderRadius: 8, fontSize: 16, lineHeight: 1.4, marginTop: -14,
            background: outcome.ok ? '#f6ffed' : '#fff1f0', border: `2px solid ${outcome.ok ? '#b7eb8f' : '#ff4d4f'}`, color: outcome.ok ? '#237804' : '#a8071a',
          }}
        >
          {outcome.ok ? <CheckCircleFilled style={{ fontSize: 22, marginTop: 1 }} /> : <CloseCircleFilled style={{ fontSize: 22, marginTop: 1 }} />}
          <div>
            {outcome.title && <div style={{ fontWeight: 600 }}>{outcome.title}</div>}
            <div>{outcome.text}</div>
          </div>
        </div>
      ) : (
        hint && <div style={{ color: '#8c8c8c', fontSize: 14, marginTop: -14 }}>{hint}</div>
      )}
    </div>
  );
}
