import { BarcodeOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type ScanFeedback = { type: 'error' | 'success'; text: string } | null;

/**
 * The box a barcode scanner types into (it ends each code with Enter). Enter takes the code and
 * empties the box at once for the next scan; scans wait their turn; nothing else is submitted.
 */
export function ScanBox({ onScan, feedback }: { onScan: (code: string) => Promise<void>; feedback: ScanFeedback }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const queue = useRef<Promise<void>>(Promise.resolve());
  return (
    <div>
      <Input
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          // Read the box itself: a scanner types faster than state may follow.
          const code = (e.target as HTMLInputElement).value.trim();
          setValue('');
          if (code) queue.current = queue.current.then(() => onScan(code)).catch(() => undefined);
        }}
        prefix={<BarcodeOutlined />}
        placeholder={t('stock.entry.scanPlaceholder')}
        aria-label={t('stock.entry.scan')}
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
