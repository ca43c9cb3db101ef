// For a plugin's own tests: the problems the validator finds in it, and the sentence a figure
// is quoted from, against the report(s) it quotes.
import type { Report } from './report.ts'
import type { PluginDefinition } from './types.ts'
import { PluginValidationError, reportOf, spanOf, validatePlugins } from './validate.ts'

export function pluginTester(...reports: Report[]) {
  return {
    /** Every problem the start-up validator would report for these plugins; [] when none. */
    problemsOf(...plugins: PluginDefinition[]): string[] {
      try {
        validatePlugins(plugins, { reports })
        return []
      } catch (error) {
        if (error instanceof PluginValidationError) return error.problems
        throw error
      }
    },
    /** The sentence of the report a plugin's figure for this metric is quoted from. */
    sentenceOf(plugin: PluginDefinition, metric: string): string | undefined {
      const figure = plugin.reportFigures?.find((f) => f.metric === metric)
      const report = figure && reportOf(figure, reports)
      return figure && report?.locate(figure.quote ?? figure.stated)?.sentence
    },
    /** The days a plugin's figure for this metric covers, and the bound assumed where the report gives none. */
    spanOf(plugin: PluginDefinition, metric: string) {
      const figure = plugin.reportFigures?.find((f) => f.metric === metric)
      const report = figure && reportOf(figure, reports)
      return figure && report ? spanOf(figure, report) : undefined
    },
  }
}
