import { Empty, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/lib/format';
import type { TrackingEvent } from '../api';

const colors: Record<TrackingEvent['status'], string> = { picked_up: 'blue', in_transit: 'blue', out_for_delivery: 'purple', delivered: 'green', exception: 'red' };

/** 物流跟踪: the carriers' events, newest first; `label` names the shipment of each when an order has several. */
export function TrackingTimeline({ events, label }: { events: TrackingEvent[]; label?: (shipmentId: string) => string | undefined }) {
  const { t } = useTranslation();
  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ship.shipment.noEvents')} />;
  const sorted = [...events].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Timeline
      data-testid="tracking-timeline"
      items={sorted.map((e) => ({
        color: colors[e.status],
        content: (
          <div data-testid="tracking-event">
            <b>{t(`ship.shipment.statuses.${e.status}`)}</b> <span style={{ color: '#8c8c8c' }}>{formatDateTime(e.at)}</span>
            {label?.(e.shipmentId) && <span style={{ color: '#8c8c8c' }}> · {label(e.shipmentId)}</span>}
            {(e.location || e.description) && <div>{[e.location, e.description].filter(Boolean).join(' · ')}</div>}
          </div>
        ),
      }))}
    />
  );
}
