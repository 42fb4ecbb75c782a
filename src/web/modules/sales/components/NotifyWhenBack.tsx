import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/lib/errors';
import { subscribeBackInStock } from '../api';

type Props = { customerId?: string; productId: string; warehouseId: string; orderId?: string };

/** 到货通知: the customer is told when this product is back in this warehouse (the notice goes out with the communication features). */
export function NotifyWhenBack({ customerId, productId, warehouseId, orderId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const subscribe = useMutation({
    mutationFn: () => subscribeBackInStock({ customerId: customerId!, productId, warehouseId, orderId }),
    onError: (e) => message.error(errorMessage(e)),
  });
  if (!customerId) return null;
  return subscribe.isSuccess ? (
    <Button size="small" type="text" icon={<CheckOutlined />} disabled data-testid="notify-when-back-done">{t('sales.notifyWhenBackDone')}</Button>
  ) : (
    <Button size="small" icon={<BellOutlined />} loading={subscribe.isPending} onClick={() => subscribe.mutate()} data-testid="notify-when-back">
      {t('sales.notifyWhenBack')}
    </Button>
  );
}
