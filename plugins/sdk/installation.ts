// Validation of an installation file: its org units form one tree under the bureau, and its
// plugins are valid against its reports and units. Every problem is reported at once.
import type { InstallationDefinition } from './types.ts'
import { PluginValidationError, validatePlugins } from './validate.ts'
import { isOneOf, orgUnitKinds } from './vocabulary.ts'

const orgUnitKey = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

export function validateInstallation(installation: InstallationDefinition): void {
  const problems: string[] = []
  if (!installation.name?.['zh-CN'] || !installation.name?.en) problems.push("installation: name needs both 'zh-CN' and 'en'")
  const units = installation.orgUnits ?? []
  const keys = new Set<string>()
  for (const [i, unit] of units.entries()) {
    const u = `orgUnits[${i}] (${unit.key})`
    if (!orgUnitKey.test(unit.key ?? '')) problems.push(`${u}: key must be lower-case words joined by '-'`)
    if (keys.has(unit.key)) problems.push(`${u}: key is listed twice`)
    keys.add(unit.key)
    if (!unit.name?.['zh-CN'] || !unit.name?.en) problems.push(`${u}: name needs both 'zh-CN' and 'en'`)
    if (!isOneOf(orgUnitKinds, unit.kind)) problems.push(`${u}: kind '${unit.kind}' is not one of ${orgUnitKinds.join(', ')}`)
  }
  const roots = units.filter((u) => u.parent === null)
  if (roots.length !== 1) problems.push(`orgUnits: exactly one unit has no parent (the bureau); found ${roots.length}`)
  // Parents listed before their children, so the units can be written in order.
  const seen = new Set<string>()
  for (const [i, unit] of units.entries()) {
    if (unit.parent !== null && !seen.has(unit.parent)) {
      problems.push(`orgUnits[${i}] (${unit.key}): parent '${unit.parent}' is not listed before it`)
    }
    seen.add(unit.key)
  }
  if (!installation.reports?.length) problems.push('reports: an installation names at least one report (figures quote it)')
  const ids = new Set<string>()
  for (const report of installation.reports ?? []) {
    if (ids.has(report.id)) problems.push(`reports: '${report.id}' is listed twice`)
    ids.add(report.id)
  }
  try {
    validatePlugins(installation.plugins ?? [], { reports: installation.reports ?? [], orgUnitKeys: [...keys] })
  } catch (error) {
    if (!(error instanceof PluginValidationError)) throw error
    problems.push(...error.problems)
  }
  if (problems.length > 0) throw new PluginValidationError(problems)
}
