import type { SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { SupplierSelect } from '../../purchasing/components/SupplierSelect';
import { CustomerSelect } from '../../sales/components/CustomerSelect';
import type { Side } from '../api';

type Props = Omit<SelectProps<string>, 'options' | 'onSearch' | 'showSearch' | 'onChange'> & { side: Side; onChange: (id: string | undefined) => void };

/** The customer (receivables) or supplier (payables) picker. */
export function PartySelect({ side, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  return side === 'receivables'
    ? <CustomerSelect placeholder={t('fin.pickCustomer')} aria-label={t('fin.customer')} allowClear onChange={(id) => onChange(id)} {...rest} />
    : <SupplierSelect placeholder={t('fin.pickSupplier')} aria-label={t('fin.supplier')} allowClear onChange={(id) => onChange(id)} {...rest} />;
}
