import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const movementColors: Record<string, string> = { opening: 'blue', adjust_gain: 'green', adjust_loss: 'red', count_gain: 'green', count_loss: 'red', sale_out: 'orange', purchase_in: 'cyan' };
const documentColors: Record<string, string> = { opening: 'blue', gain: 'green', loss: 'red', mixed: 'gold' };

/** 期初 / 报溢 / 报损 … for a movement; an unknown kind shows as sent. */
export function MovementKindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <Tag color={movementColors[kind] ?? 'default'}>{t(`stock.kinds.${kind}`, { defaultValue: kind })}</Tag>;
}

/** 报溢 / 报损 / 调整 / 期初 for a document. */
export function DocumentKindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <Tag color={documentColors[kind] ?? 'default'}>{t(`stock.docs.kinds.${kind}`, { defaultValue: kind })}</Tag>;
}

/** A signed quantity: +12 in green, −3 in red. */
export function SignedQuantity({ n, unit }: { n: number; unit?: string }) {
  const text = `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n)}${unit ? ` ${unit}` : ''}`;
  return (
    <Typography.Text type={n > 0 ? 'success' : n < 0 ? 'danger' : undefined} strong style={{ whiteSpace: 'nowrap' }} data-testid="signed-quantity">
      {text}
    </Typography.Text>
  );
}
