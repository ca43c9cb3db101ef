// For a plugin's own tests: the problems the validator finds in it, against the real report.
import { loadReport, reportPath } from './report.ts'
import type { PluginDefinition } from './types.ts'
import { PluginValidationError, validatePlugins } from './validate.ts'

const report = loadReport(reportPath)

export function problemsOf(...plugins: PluginDefinition[]): string[] {
  try {
    validatePlugins(plugins, { report })
    return []
  } catch (error) {
    if (error instanceof PluginValidationError) return error.problems
    throw error
  }
}

/** The sentence of the report a plugin's figure is quoted from. */
export function sentenceOf(plugin: PluginDefinition, metric: string): string | undefined {
  const figure = plugin.reportFigures?.find((f) => f.metric === metric)
  return figure && report.locate(figure.quote ?? figure.stated)?.sentence
}
