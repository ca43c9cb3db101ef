// The view a URL describes: period, org unit, language. Every screen reads it from here.
import { createContext, useContext } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import type { Locale } from './format.ts'
import { periodFromParams, periodToParams, type PeriodInput } from './period.ts'

export interface ShellData {
  /** The last day any stored figure covers. */
  lastDataDay: string
  rootKey: string
}

export const ShellContext = createContext<ShellData>({ lastDataDay: new Date().toISOString().slice(0, 10), rootKey: '' })

export function useView() {
  const [params, setParams] = useSearchParams()
  const shell = useContext(ShellContext)
  const { i18n } = useTranslation()
  const period = periodFromParams(params, shell.lastDataDay)
  const orgUnit = params.get('org') ?? shell.rootKey
  return {
    period,
    orgUnit,
    locale: (i18n.language === 'en' ? 'en' : 'zh-CN') as Locale,
    /** The query string to carry to another screen. */
    search: params.toString() ? `?${params.toString()}` : '',
    setPeriod: (next: PeriodInput) => setParams(periodToParams(next, params)),
    setOrgUnit: (key: string) => {
      const next = new URLSearchParams(params)
      if (key === shell.rootKey) next.delete('org')
      else next.set('org', key)
      setParams(next)
    },
    setLocale: (locale: Locale) => {
      void i18n.changeLanguage(locale)
      window.localStorage.setItem('lang', locale)
      document.documentElement.lang = locale
      const next = new URLSearchParams(params)
      if (locale === 'en') next.set('lang', 'en')
      else next.delete('lang')
      setParams(next, { replace: true })
    },
  }
}
