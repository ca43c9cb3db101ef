import { useTranslation } from 'react-i18next'

/** A CSS string literal: quotes and backslashes escaped, line breaks and angle brackets dropped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n<>]/g, ' ')}"`
}

/** Today as the reader's calendar writes it: 2026年11月27日, 27 November 2026. */
function today(locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: 'long', day: 'numeric' }).format(new Date())
}

/**
 * What every printed page carries in its margins: what it shows (unit and period), the day it
 * was printed and its page number of the whole. CSS page-margin boxes (Chromium 131 and later).
 */
export function PrintMargins({ title }: { title: string }) {
  const { t, i18n } = useTranslation()
  const pages = i18n.language === 'en' ? '"Page " counter(page) " of " counter(pages)' : '"第 " counter(page) " 页，共 " counter(pages) " 页"'
  const box = 'font-size: 8pt; color: #595959;'
  const css =
    `@page { @top-left { content: ${cssString(title)}; ${box} } ` +
    `@top-right { content: ${cssString(t('print.printedOn', { date: today(i18n.language) }))}; ${box} } ` +
    `@bottom-right { content: ${pages}; ${box} } }`
  return <style data-testid="print-margins">{css}</style>
}
