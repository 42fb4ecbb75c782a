import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatWape, wapeColour } from '../forecast-view';

/** A forecast method in words ("霍尔特-温特斯（季节性）"); an unknown one as the server named it. */
export function useMethodName() {
  const { t } = useTranslation();
  return (method: string) => t(`fc.methods.${method}`, { defaultValue: method });
}

/** A demand class as a tag, with what it means on hover. */
export function DemandClassTag({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`fc.classHelp.${value}`, { defaultValue: '' })}>
      <Tag>{t(`fc.classes.${value}`, { defaultValue: value })}</Tag>
    </Tooltip>
  );
}

/** A WAPE as a percentage, green under 20%, orange under 50%, red from 50%. */
export function WapeTag({ wape, testId }: { wape: number | null | undefined; testId?: string }) {
  return <Tag color={wapeColour(wape)} data-testid={testId} style={{ marginInlineEnd: 0 }}>{formatWape(wape)}</Tag>;
}
