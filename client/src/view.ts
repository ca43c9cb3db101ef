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
  /** The units a REPORTER may read (theirs and those below it); null for every unit. */
  reach: ReadonlySet<string> | null
}

export const ShellContext = createContext<ShellData>({ lastDataDay: new Date().toISOString().slice(0, 10), rootKey: '', ready: false, reach: null })

export function useView() {
  const [params, setParams] = useSearchParams()
  const shell = useContext(ShellContext)
  const { i18n } = useTranslation()
  const period = periodFromParams(params, shell.lastDataDay)
  const asked = params.get('org')
  // A clerk who follows a colleague's link to another unit sees their own unit's figures, told
  // why, rather than an error with nothing to do: the server would answer FORBIDDEN.
  const outOfReach = asked !== null && shell.reach !== null && !shell.reach.has(asked)
  const orgUnitArg = outOfReach ? null : asked
  const orgUnit = orgUnitArg ?? shell.rootKey
  return {
    period,
    /** The period does not wait on the shell: the URL names it, or the last day with figures is known. */
    periodKnown: shell.ready || periodInParams(params),
    orgUnit,
    /** The org unit as a query argument: null for the root, which the API defaults to. */
    orgUnitArg,
    /** The URL names a unit the viewer may not read: the screens show their own unit instead. */
    outOfReach,
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
