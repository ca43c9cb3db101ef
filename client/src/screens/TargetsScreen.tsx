// The leaders' target editor (issue 10): a year's targets, metrics × the district and its
// units, samples marked as samples, the units' sum beside the district's. LEADER and ADMIN
// edit; the standing committee reads.
import { useCallback, useContext, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useQuery } from 'urql'
import { Loading, QueryError } from '../components/QueryState.tsx'
import { ViewerQuery } from '../Shell.tsx'
import { TargetSheetQuery } from '../targets/documents.ts'
import { TargetEditor } from '../targets/TargetEditor.tsx'
import { ShellContext } from '../view.ts'
import './returns.css'
import './targets.css'

export default function TargetsScreen() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN'
  const shell = useContext(ShellContext)
  const [params, setParams] = useSearchParams()
  const [{ data: viewerData }] = useQuery({ query: ViewerQuery })
  const role = viewerData?.viewer?.role
  const readOnly = role !== 'LEADER' && role !== 'ADMIN'
  const [unsaved, setUnsaved] = useState(false)
  const onUnsaved = useCallback((u: boolean) => setUnsaved(u), [])
  // Default: the year of the last stored figures, as the scorecard opens on.
  const year = Number(params.get('year')) || Number(shell.lastDataDay.slice(0, 4))
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: TargetSheetQuery,
    variables: { year, locale },
    pause: (!params.get('year') && !shell.ready) || role === undefined || role === 'REPORTER',
    requestPolicy: 'cache-and-network',
  })
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute])
  const setYear = (y: number) => {
    if (unsaved && !window.confirm(t('targets.unsavedYear'))) return
    const next = new URLSearchParams(params)
    next.set('year', String(y))
    setParams(next)
  }
  // Targets are set ahead: next year too.
  const years: number[] = []
  for (let y = new Date().getFullYear() + 1; y >= 2022; y--) years.push(y)

  const title = (
    <div className="return-title">
      <h2 className="screen-title">{t('targets.title', { year })}</h2>
      <label className="targets-year no-print">
        {t('targets.year')}{' '}
        <select value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="targets-year">
          {years.map((y) => <option key={y} value={y}>{locale === 'en' ? y : `${y}年`}</option>)}
        </select>
      </label>
    </div>
  )
  // A clerk's own unit is all they read: the page says so rather than the server's refusal.
  if (role === 'REPORTER') return <>{title}<p className="banner warning-banner" role="note" data-testid="targets-forbidden">{t('targets.forbidden')}</p></>
  if (error) return <>{title}<QueryError error={error} retry={() => reexecute({ requestPolicy: 'network-only' })} /></>
  if (!data || !viewerData) return <>{title}<Loading /></>
  const sheet = data.targetSheet
  return (
    <div data-testid="targets" data-year={sheet.year} aria-busy={fetching}>
      {title}
      <p className="targets-legend" data-testid="targets-legend">
        <span><span className="tag mark sample">{t('sample.tag')}</span> {t('targets.legend.sample')}</span>
        <span><span className="tag mark source-ENTERED">{t('source.ENTERED')}</span> {t('targets.legend.entered')}</span>
        <span><span className="muted">{t('targets.inherited')}</span> {t('targets.legend.inherited')}</span>
        {!readOnly && <span><span className="legend-swatch changed" /> {t('targets.legend.changed')}</span>}
        <span><span className="muted">—</span> {t('targets.legend.notMeasured')}</span>
      </p>
      {/* A new year, a new editor: nothing typed for one year carries to another. */}
      <TargetEditor key={sheet.year} sheet={sheet} readOnly={readOnly} refresh={refresh} onUnsaved={onUnsaved} />
    </div>
  )
}
