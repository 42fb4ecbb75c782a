import { BarcodeOutlined } from '@ant-design/icons';
import { Button, Input, type InputRef } from 'antd';
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

/** A phone or tablet: its on-screen keyboard would cover the screen at every scan. */
const isTouchDevice = () => typeof window !== 'undefined' && (navigator.maxTouchPoints > 0 || window.matchMedia?.('(pointer: coarse)').matches === true);

/** A small keyboard, drawn: antd has no keyboard icon. */
const KeyboardIcon = () => (
  <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
    <rect x="2" y="6" width="20" height="12" rx="2" />
    <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" strokeLinecap="round" />
  </svg>
);

/**
 * The box a barcode scanner types into (it ends each code with Enter). Enter takes the code,
 * empties the box at once for the next scan, and never submits anything else. On a touch device
 * the on-screen keyboard stays down (inputmode none: the scanner types, not the thumb) until the
 * keyboard button beside the box asks for it to type a code by hand.
 */
export function ScanBox({ onScan, feedback, ref }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [touch] = useState(isTouchDevice);
  const [typing, setTyping] = useState(false);
  const inner = useRef<InputRef | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const setRef = (node: InputRef | null) => {
    inner.current = node;
    if (typeof ref === 'function') ref(node);
    else if (ref) ref.current = node;
  };
  const toggleKeyboard = () => {
    setTyping((on) => !on);
    // A phone only raises or drops its keyboard when the box gains focus again under the new mode.
    inner.current?.blur();
    setTimeout(() => inner.current?.focus(), 50);
  };
  const keyboard = touch ? (
    <Button
      type="text"
      size="small"
      icon={<KeyboardIcon />}
      onClick={toggleKeyboard}
      onMouseDown={(e) => e.preventDefault()}
      aria-pressed={typing}
      aria-label={t(typing ? 'scan.keyboardOff' : 'scan.keyboard')}
      title={t(typing ? 'scan.keyboardOff' : 'scan.keyboard')}
      data-testid="scan-keyboard"
      style={{ color: typing ? '#1677ff' : undefined, marginInlineEnd: -4 }}
    />
  ) : undefined;
  return (
    <div>
      <Input
        ref={setRef}
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
        suffix={keyboard}
        placeholder={t('scan.placeholder')}
        aria-label={t('scan.label')}
        data-scan
        status={feedback?.type === 'error' ? 'error' : undefined}
        autoComplete="off"
        inputMode={touch && !typing ? 'none' : 'text'}
        enterKeyHint="enter"
        data-testid="scan-box"
      />
      <div role="status" aria-live="polite" data-testid="scan-feedback" style={{ minHeight: 22, fontSize: 13, color: feedback?.type === 'error' ? '#ff4d4f' : '#52c41a' }}>
        {feedback?.text}
      </div>
    </div>
  );
}
