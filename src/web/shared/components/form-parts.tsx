import { Button, Card, Col, Flex, InputNumber, theme, type InputNumberProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Yuan with 2 decimals (the form holds yuan; convert with yuanToFen when saving). */
export function MoneyInput(props: InputNumberProps<number>) {
  return <InputNumber<number> min={0} precision={2} step={1} prefix="¥" style={{ width: '100%' }} {...props} />;
}

/** A titled block of a form. */
export function FormSection({ title, children, extra }: { title: ReactNode; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** One form column: full width on phones, half on tablets, a third on desktops. */
export function Field({ children, wide }: { children: ReactNode; wide?: boolean }) {
  return wide ? (
    <Col xs={24}>{children}</Col>
  ) : (
    <Col xs={24} md={12} xl={8}>
      {children}
    </Col>
  );
}

/** 保存 / 取消 under a form. */
export function FormFooter({ saving, onCancel }: { saving: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex gap={8} justify="flex-end" style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: token.colorBgLayout, zIndex: 2 }}>
      <Button onClick={onCancel}>{t('action.cancel')}</Button>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('action.save')}
      </Button>
    </Flex>
  );
}
