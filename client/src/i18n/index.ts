import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en.ts'
import { zhCN } from './zh-CN.ts'
import type { Locale } from '../format.ts'

/** Chinese first; English on request (`?lang=en`, remembered in the browser). */
export function initialLocale(): Locale {
  const fromUrl = new URLSearchParams(window.location.search).get('lang')
  if (fromUrl === 'en' || fromUrl === 'zh-CN') return fromUrl
  return window.localStorage.getItem('lang') === 'en' ? 'en' : 'zh-CN'
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initialLocale(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnObjects: true,
})

export default i18n
