// The spans the director's report of 2023-09-26 speaks of, as inclusive ISO dates.
// The report covers "2022年以来" and is dated 2023-09-26, so "since 2022" and "this year"
// run to that date; a stock it states is a snapshot on that date.
export const reportSpans = {
  /** 2022年以来 */
  since2022: { from: '2022-01-01', to: '2023-09-26' },
  /** 截至4月30日, within the report's "since 2022" */
  since2022ToApril30: { from: '2022-01-01', to: '2023-04-30' },
  /** 2022年 */
  year2022: { from: '2022-01-01', to: '2022-12-31' },
  /** 2023年 (to the report date) */
  year2023ToDate: { from: '2023-01-01', to: '2023-09-26' },
  /** 上半年 */
  firstHalf2023: { from: '2023-01-01', to: '2023-06-30' },
  /** a stock as it stood at the end of the first half */
  endOfFirstHalf2023: { from: '2023-06-30', to: '2023-06-30' },
  /** a stock as it stood on the report date */
  onReportDate: { from: '2023-09-26', to: '2023-09-26' },
} as const
