// The target editor's query and its one write: the whole grid in one request, every change in
// one setTargets call (all or nothing).
import { graphql, type ResultOf } from '../graphql.ts'

export const TargetSheetQuery = graphql(`
  query TargetSheet($year: Int!, $locale: String) {
    targetSheet(year: $year) {
      year
      orgUnits { key name(locale: $locale) }
      areas {
        area { key name(locale: $locale) }
        rows {
          metric { key name(locale: $locale) unit kind targetRule }
          district { value source reason }
          unitSum unitsWithTarget sumDiffers
          cells { value source reason inherited measures }
        }
      }
    }
  }
`)

export const SetTargets = graphql(`
  mutation SetTargets($year: Int!, $rows: [TargetInput!]!) {
    setTargets(year: $year, rows: $rows) { value source splitWarning }
  }
`)

export type Sheet = ResultOf<typeof TargetSheetQuery>['targetSheet']
export type SheetRow = Sheet['areas'][number]['rows'][number]
