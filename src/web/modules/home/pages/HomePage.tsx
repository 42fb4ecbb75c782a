import { Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../shared/auth/session';
import { navItems, visibleNav, type NavItem } from '../../../shared/layout/nav';

/** Welcome and one card per screen the user may open. */
export default function HomePage() {
  const { t } = useTranslation();
  const { user, can } = useSession();
  const leaves: NavItem[] = [];
  const walk = (list: NavItem[]) => list.forEach((i) => (i.children ? walk(i.children) : i.key !== 'home' && leaves.push(i)));
  walk(visibleNav(navItems, can));
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('auth.welcome', { name: user?.name })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.role', { role: t(`roles.${user?.role}`) })}</Typography.Paragraph>
      <Typography.Title level={5}>{t('home.shortcuts')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {leaves.map((i) => (
          <Col key={i.key} xs={24} sm={12} lg={8} xl={6}>
            <Link to={i.path ?? '/'}>
              <Card hoverable size="small" style={{ height: '100%' }}>
                <Flex gap={12} align="flex-start">
                  <span style={{ fontSize: 22, color: '#1677ff' }}>{i.icon}</span>
                  <div>
                    <Typography.Text strong>{t(i.label)}</Typography.Text>
                    <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
                      {t(`home.desc.${i.key}`)}
                    </Typography.Paragraph>
                  </div>
                </Flex>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
