import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import { dictionaries } from './dictionaries';

export type Lang = 'zh-CN' | 'en';
const STORAGE_KEY = 'jxc.lang';

/** The language saved by the switch in the header, else Chinese. */
export function storedLang(): Lang | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' || v === 'zh-CN' ? v : null;
  } catch {
    return null;
  }
}

const initial: Lang = storedLang() ?? 'zh-CN';

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: dictionaries.zh }, en: { translation: dictionaries.en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLang(initial);

function applyLang(lng: Lang): void {
  setApiLanguage(lng);
  document.documentElement.lang = lng;
  document.title = i18n.t('app.name');
}

/** Switches the UI language, remembers it, and sends it to the server from now on. */
export async function changeLang(lng: Lang, persist = true): Promise<void> {
  if (persist) {
    try {
      localStorage.setItem(STORAGE_KEY, lng);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  }
  await i18n.changeLanguage(lng);
  applyLang(lng);
}

/** The current UI language. */
export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export default i18n;
