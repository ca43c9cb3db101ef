import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { graphql } from '../graphql.ts'
import { useView } from '../view.ts'

const OrgUnitsQuery = graphql(`
  query OrgUnits($locale: String) {
    orgUnits { key name(locale: $locale) kind parent { key } }
  }
`)

/** The district or one of its units: a native select, which a phone shows as its own list. */
export function OrgUnitPicker() {
  const { t } = useTranslation()
  const view = useView()
  const [{ data }] = useQuery({ query: OrgUnitsQuery, variables: { locale: view.locale } })
  const units = data?.orgUnits ?? []
  return (
    <select
      data-testid="org-unit-picker"
      aria-label={t('orgUnit.label')}
      value={view.orgUnit}
      onChange={(e) => view.setOrgUnit(e.target.value)}
      aria-busy={!data}
    >
      {units.length === 0 && <option value={view.orgUnit}>{view.orgUnit}</option>}
      {units.map((u) => (
        <option key={u.key} value={u.key}>
          {u.parent ? `\u3000${u.name}` : u.name}
        </option>
      ))}
    </select>
  )
}
