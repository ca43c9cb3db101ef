import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { validateInstallation } from './installation.ts'
import { Report, type ReportDocument } from './report.ts'
import type { InstallationDefinition, MetricDefinition, OrgUnitDefinition, PluginDefinition } from './types.ts'
import { PluginValidationError } from './validate.ts'

const lines = ['长江禁捕工作守土尽责。检查垂钓人员1812人次、劝离1358人次。']
const document: ReportDocument = {
  id: 'test', title: 'test report', date: '2023-09-26', origin: 'written for this test',
  sha256: createHash('sha256').update(lines.join('\n'), 'utf8').digest('hex'), lines,
}
const report = new Report(document)

const name = { 'zh-CN': '单位', en: 'Unit' }
const unit = (key: string, kind: OrgUnitDefinition['kind'], parent: string | null): OrgUnitDefinition => ({ key, name, kind, parent })
const orgUnits = [unit('bureau', 'BUREAU', null), unit('offices', 'OFFICE', 'bureau'), unit('station-a', 'STATION', 'bureau')]

const checked: MetricDefinition = {
  key: 'fishing-ban.checked', name: { 'zh-CN': '检查垂钓人员', en: 'Anglers checked' }, unit: '人次', kind: 'FLOW', direction: 'HIGHER_IS_BETTER',
}
const meetings: MetricDefinition = { ...checked, key: 'fishing-ban.meetings', enteredBy: 'OFFICE' }
const fishingBan: PluginDefinition = {
  key: 'fishing-ban', name: { 'zh-CN': '长江禁捕', en: 'Fishing ban' }, metrics: [checked, meetings],
  reportFigures: [{ metric: 'fishing-ban.checked', value: 1812, from: '2023-01-01', to: '2023-09-26', stated: '1812人次' }],
}

function installation(overrides: Partial<InstallationDefinition> = {}): InstallationDefinition {
  return { name: { 'zh-CN': '测试', en: 'Test' }, orgUnits, reports: [report], plugins: [fishingBan], ...overrides }
}

function errorOf(definition: InstallationDefinition): PluginValidationError | undefined {
  try {
    validateInstallation(definition)
    return undefined
  } catch (error) {
    expect(error).toBeInstanceOf(PluginValidationError)
    return error as PluginValidationError
  }
}
const problemsOf = (definition: InstallationDefinition) => errorOf(definition)?.problems ?? []

describe('validateInstallation', () => {
  it('accepts a correct installation', () => {
    expect(problemsOf(installation())).toEqual([])
  })

  it("heads its problems as the installation's, not the plugin list's", () => {
    expect(errorOf(installation({ orgUnits: [] }))?.message).toMatch(/^\d+ problem\(s\) in the installation:\n- /)
  })

  it('wants the root to be a BUREAU, and a bureau below it under a bureau (a city over its districts)', () => {
    expect(problemsOf(installation({ orgUnits: [unit('bureau', 'OFFICE', null), ...orgUnits.slice(1)] }))).toEqual([
      'orgUnits[0] (bureau): the unit with no parent is the bureau: its kind must be BUREAU, not OFFICE',
    ])
    expect(problemsOf(installation({ orgUnits: [...orgUnits, unit('district', 'BUREAU', 'bureau'), unit('district-station', 'STATION', 'district')] }))).toEqual([])
    expect(problemsOf(installation({ orgUnits: [...orgUnits, unit('second', 'BUREAU', 'offices')] }))).toEqual([
      "orgUnits[3] (second): a BUREAU below the root sits under a bureau (a district's under its city's), not under the OFFICE 'offices'",
    ])
  })

  it('stores the reports at the bureau they speak for: an org unit that is a bureau', () => {
    const city = [...orgUnits, unit('district', 'BUREAU', 'bureau'), unit('district-station', 'STATION', 'district')]
    expect(problemsOf(installation({ orgUnits: city, reportUnit: 'district' }))).toEqual([])
    expect(problemsOf(installation({ orgUnits: city, reportUnit: 'nowhere' }))).toEqual([
      "reportUnit: 'nowhere' is not an org unit; name the bureau the reports speak for",
    ])
    expect(problemsOf(installation({ orgUnits: city, reportUnit: 'district-station' }))).toEqual([
      "reportUnit: 'district-station' is a STATION; the reports speak for a bureau",
    ])
  })

  it('names the roots when there is not exactly one', () => {
    expect(problemsOf(installation({ orgUnits: [...orgUnits, unit('other', 'BUREAU', null)] }))).toEqual([
      'orgUnits: exactly one unit has no parent (the bureau); found 2: bureau, other',
    ])
  })

  it('tells a parent that is no org unit from one listed after its child', () => {
    expect(problemsOf(installation({ orgUnits: [...orgUnits, unit('station-b', 'STATION', 'nowhere')] }))).toEqual([
      "orgUnits[3] (station-b): parent 'nowhere' is not an org unit",
    ])
    expect(problemsOf(installation({ orgUnits: [orgUnits[0]!, unit('station-b', 'STATION', 'offices'), ...orgUnits.slice(1)] }))).toEqual([
      "orgUnits[1] (station-b): parent 'offices' is not listed before it",
    ])
  })

  it('wants a unit of each kind the metrics are entered by', () => {
    expect(problemsOf(installation({ orgUnits: orgUnits.filter((u) => u.kind !== 'STATION') }))).toEqual([
      'orgUnits: metrics are entered by STATION units (fishing-ban.checked), but no unit is a STATION',
    ])
    expect(problemsOf(installation({ orgUnits: orgUnits.filter((u) => u.kind !== 'OFFICE') }))).toEqual([
      'orgUnits: metrics are entered by OFFICE units (fishing-ban.meetings), but no unit is an OFFICE',
    ])
    // No office metric, no office needed.
    const stationsOnly = { ...fishingBan, metrics: [checked] }
    expect(problemsOf(installation({ plugins: [stationsOnly], orgUnits: orgUnits.filter((u) => u.kind !== 'OFFICE') }))).toEqual([])
  })

  it("checks each report's sha256 against its lines", () => {
    const edited = new Report({ ...document, lines: ['长江禁捕工作守土尽责。检查垂钓人员1812人次、劝离1359人次。'] })
    const actual = createHash('sha256').update(edited.lines.join('\n'), 'utf8').digest('hex')
    expect(problemsOf(installation({ reports: [edited] }))).toEqual([
      `reports: 'test': sha256 '${document.sha256}' is not the SHA-256 of its lines joined by '\\n' (UTF-8, in hex), which is ${actual}`,
    ])
  })
})
