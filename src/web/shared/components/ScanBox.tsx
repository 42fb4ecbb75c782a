import { BarcodeOutlined } from '@ant-design/icons';
import { Input, type InputRef } from 'antd';
import { useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

export type ScanFeedback = { type: 'error' | 'success'; text: string } | null;

type Props = {
  /** Handles one scanned code; scans that arrive while one is handled wait their turn. */
  onScan: (code: string) => Promise<void>;
  /** The last outcome, shown under the box (no sound). */
  feedback?: ScanFeedback;
  ref?: Ref<InputRef>;
};

/**
 * The box a barcode scanner types into (it ends each code with Enter). Enter takes the code,
 * empties the box at once for the next scan, and never submits anything else.
 */
export function ScanBox({ onScan, feedback, ref }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const queue = useRef<Promise<void>>(Promise.resolve());
  return (
    <div>
      <Input
        ref={ref}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          // Ctrl+Enter is a page's shortcut to submit (the order entry's 保存并确认): let it through.
          if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
          e.preventDefault();
          e.stopPropagation();
          // Read the box itself: a scanner types faster than state may follow.
          const code = (e.target as HTMLInputElement).value.trim();
          setValue('');
          if (code) queue.current = queue.current.then(() => onScan(code)).catch(() => undefined);
        }}
        prefix={<BarcodeOutlined />}
        placeholder={t('scan.placeholder')}
        aria-label={t('scan.label')}
        data-scan
        status={feedback?.type === 'error' ? 'error' : undefined}
        autoComplete="off"
        inputMode="text"
        enterKeyHint="enter"
        data-testid="scan-box"
      />
      <div role="status" aria-live="polite" data-testid="scan-feedback" style={{ minHeight: 22, fontSize: 13, color: feedback?.type === 'error' ? '#ff4d4f' : '#52c41a' }}>
        {feedback?.text}
      </div>
    </div>
  );
}
