import { GlobalOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLang, currentLang } from '../i18n';

/** One click toggles 中文 ⇄ English; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = (i18n.language === 'en' ? 'zh-CN' : 'en') as 'zh-CN' | 'en';
  return (
    <Tooltip title={t('header.language')}>
      <Button type="text" icon={<GlobalOutlined />} onClick={() => void changeLang(next)} data-testid="lang-switch" lang={currentLang() === 'en' ? 'zh-CN' : 'en'}>
        {t('header.switchTo')}
      </Button>
    </Tooltip>
  );
}
