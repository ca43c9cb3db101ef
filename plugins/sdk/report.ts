// The report figures are quoted from. Loaded from a data file in the repository that says
// where the text came from; the product never reads anything outside the repository.
import { readFileSync } from 'node:fs'
import type { LocalizedName } from './types.ts'

export interface ReportDocument {
  id: string
  title: string
  date: string
  origin: string
  sha256: string
  lines: string[]
  /** The spans the report speaks of, by name, for figures to refer to. */
  spans?: Record<string, ReportSpan>
}

/** A span of days the report speaks of, as inclusive ISO dates. */
export interface ReportSpan {
  from: string
  to: string
  /** The report's words for it: '2022年以来', '截至4月30日'. */
  stated: string
  /** Where the report leaves a bound unsaid, which one was assumed and why, in both languages. */
  assumption?: LocalizedName
}

export interface ReportPassage {
  /** 1-based line of the report the passage is on. */
  line: number
  /** The whole sentence (up to and including 。) around the passage. */
  sentence: string
  /** The headings above the passage: '三、… / (一)…'. */
  section: string
}

const topHeading = /^[一二三四五六七八九十]+、/
const subHeading = /^[(（][一二三四五六七八九十]+[)）]/

export class Report {
  readonly id: string
  readonly date: string
  readonly title: string
  /** The SHA-256 (hex) of `lines` joined by '\n', as the data file records it. */
  readonly sha256: string
  readonly lines: readonly string[]
  readonly spans: Readonly<Record<string, ReportSpan>>

  constructor(document: ReportDocument) {
    this.id = document.id
    this.date = document.date
    this.title = document.title
    this.sha256 = document.sha256
    this.lines = document.lines
    this.spans = document.spans ?? {}
  }

  /** A span the report's data file names, or undefined. */
  span(name: string): ReportSpan | undefined {
    return Object.hasOwn(this.spans, name) ? this.spans[name] : undefined
  }

  get text(): string {
    return this.lines.join('\n')
  }

  /** How many times a passage occurs in the report. */
  count(passage: string): number {
    if (!passage) return 0
    let n = 0
    for (let at = this.text.indexOf(passage); at !== -1; at = this.text.indexOf(passage, at + 1)) n++
    return n
  }

  /** The sentence and section of a passage's first occurrence, or undefined when absent. */
  locate(passage: string): ReportPassage | undefined {
    const index = this.lines.findIndex((line) => line.includes(passage))
    if (index === -1) return undefined
    const line = this.lines[index]!
    const at = line.indexOf(passage)
    const start = line.lastIndexOf('。', at - 1) + 1
    const stop = line.indexOf('。', at + passage.length)
    const sentence = line.slice(start, stop === -1 ? line.length : stop + 1).trim()
    return { line: index + 1, sentence, section: this.sectionAt(index) }
  }

  /** A paragraph that opens with a short run-in heading ('食品安全防线更加牢固。') is titled by it. */
  private leadOf(line: string): string | undefined {
    const end = line.indexOf('。')
    return end > 0 && end <= 16 ? line.slice(0, end) : undefined
  }

  private sectionAt(index: number): string {
    let top: string | undefined
    let sub: string | undefined
    for (let i = 0; i <= index; i++) {
      const line = this.lines[i]!
      if (topHeading.test(line)) {
        top = line
        sub = undefined
      } else if (subHeading.test(line)) {
        sub = line
      }
    }
    const line = this.lines[index]!
    const lead = topHeading.test(line) || subHeading.test(line) ? undefined : this.leadOf(line)
    return [top, sub, lead].filter(Boolean).join(' / ')
  }
}

export function loadReport(path: string): Report {
  return new Report(JSON.parse(readFileSync(path, 'utf8')) as ReportDocument)
}
