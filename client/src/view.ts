// The view a URL describes: period, org unit, language. Every screen reads it from here.
import { createContext, useContext } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import type { Locale } from './format.ts'
import { periodFromParams, periodInParams, periodToParams, type PeriodInput } from './period.ts'

export interface ShellData {
  /** The last day any stored figure covers. */
  lastDataDay: string
  rootKey: string
  /** Whether lastDataDay and rootKey are known yet (the shell's query has answered). */
  ready: boolean
}

export const ShellContext = createContext<ShellData>({ lastDataDay: new Date().toISOString().slice(0, 10), rootKey: '', ready: false })

export function useView() {
  const [params, setParams] = useSearchParams()
  const shell = useContext(ShellContext)
  const { i18n } = useTranslation()
  const period = periodFromParams(params, shell.lastDataDay)
  const orgUnit = params.get('org') ?? shell.rootKey
  return {
    period,
    /** The period does not wait on the shell: the URL names it, or the last day with figures is known. */
    periodKnown: shell.ready || periodInParams(params),
    orgUnit,
    /** The org unit as a query argument: null for the root, which the API defaults to. */
    orgUnitArg: params.get('org'),
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
