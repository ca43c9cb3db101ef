// Validation of an installation file: its org units form one tree under the bureau with a unit
// of each kind its metrics are entered by, its reports are the texts their checksums say, and
// its plugins are valid against its reports and units. Every problem is reported at once.
import { createHash } from 'node:crypto'
import { enteredByOf } from './define.ts'
import type { InstallationDefinition } from './types.ts'
import { listed, PluginValidationError, validatePlugins } from './validate.ts'
import { enteringUnitKinds, isOneOf, orgUnitKinds } from './vocabulary.ts'

const orgUnitKey = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

export function validateInstallation(installation: InstallationDefinition): void {
  const problems: string[] = []
  if (!installation.name?.['zh-CN'] || !installation.name?.en) problems.push("installation: name needs both 'zh-CN' and 'en'")
  const units = installation.orgUnits ?? []
  const keys = new Set<string>()
  const kinds = new Map(units.map((u) => [u.key, u.kind]))
  for (const [i, unit] of units.entries()) {
    const u = `orgUnits[${i}] (${unit.key})`
    if (!orgUnitKey.test(unit.key ?? '')) problems.push(`${u}: key must be lower-case words joined by '-'`)
    if (keys.has(unit.key)) problems.push(`${u}: key is listed twice`)
    keys.add(unit.key)
    if (!unit.name?.['zh-CN'] || !unit.name?.en) problems.push(`${u}: name needs both 'zh-CN' and 'en'`)
    if (!isOneOf(orgUnitKinds, unit.kind)) problems.push(`${u}: kind '${unit.kind}' is not one of ${orgUnitKinds.join(', ')}`)
    // The engine and the seed take the root as the bureau, and only it.
    else if (unit.parent === null && unit.kind !== 'BUREAU') problems.push(`${u}: the unit with no parent is the bureau: its kind must be BUREAU, not ${unit.kind}`)
    // A bureau below the root is a lower level's (a district's under its city's): under a bureau.
    else if (unit.parent !== null && unit.kind === 'BUREAU' && kinds.has(unit.parent) && kinds.get(unit.parent) !== 'BUREAU') {
      problems.push(`${u}: a BUREAU below the root sits under a bureau (a district's under its city's), not under the ${kinds.get(unit.parent)} '${unit.parent}'`)
    }
  }
  const roots = units.filter((u) => u.parent === null)
  if (roots.length !== 1) {
    const which = roots.length > 0 ? `: ${roots.map((u) => u.key).join(', ')}` : ''
    problems.push(`orgUnits: exactly one unit has no parent (the bureau); found ${roots.length}${which}`)
  }
  // Parents listed before their children, so the units can be written in order.
  const seen = new Set<string>()
  for (const [i, unit] of units.entries()) {
    if (unit.parent !== null && !seen.has(unit.parent)) {
      const where = keys.has(unit.parent) ? 'is not listed before it' : 'is not an org unit'
      problems.push(`orgUnits[${i}] (${unit.key}): parent '${unit.parent}' ${where}`)
    }
    seen.add(unit.key)
  }
  // Figures are entered by stations or offices: seeding and entry need a unit of each kind in use.
  const metrics = (installation.plugins ?? []).flatMap((p) => (Array.isArray(p.metrics) ? p.metrics : []))
  for (const kind of enteringUnitKinds) {
    const entered = metrics.filter((m) => enteredByOf(m) === kind).map((m) => m.key)
    if (entered.length > 0 && !units.some((u) => u.kind === kind)) {
      problems.push(`orgUnits: metrics are entered by ${kind} units (${listed(entered, 5)}), but no unit is ${kind === 'OFFICE' ? 'an' : 'a'} ${kind}`)
    }
  }
  // A report's figures are a bureau's totals: stored at a bureau, never at a station.
  const reportUnit = installation.reportUnit
  if (reportUnit !== undefined && !kinds.has(reportUnit)) problems.push(`reportUnit: '${reportUnit}' is not an org unit; name the bureau the reports speak for`)
  else if (reportUnit !== undefined && kinds.get(reportUnit) !== 'BUREAU') problems.push(`reportUnit: '${reportUnit}' is a ${kinds.get(reportUnit)}; the reports speak for a bureau`)
  if (!installation.reports?.length) problems.push('reports: an installation names at least one report (figures quote it)')
  const ids = new Set<string>()
  for (const report of installation.reports ?? []) {
    if (ids.has(report.id)) problems.push(`reports: '${report.id}' is listed twice`)
    ids.add(report.id)
    // The checksum says the lines are the report's text as recorded, not edited since.
    const sha256 = createHash('sha256').update((report.lines ?? []).join('\n'), 'utf8').digest('hex')
    if (report.sha256 !== sha256) {
      problems.push(`reports: '${report.id}': sha256 '${report.sha256}' is not the SHA-256 of its lines joined by '\\n' (UTF-8, in hex), which is ${sha256}`)
    }
  }
  try {
    validatePlugins(installation.plugins ?? [], { reports: installation.reports ?? [], orgUnitKeys: [...keys] })
  } catch (error) {
    if (!(error instanceof PluginValidationError)) throw error
    problems.push(...error.problems)
  }
  if (problems.length > 0) throw new PluginValidationError(problems, { of: 'the installation' })
}
