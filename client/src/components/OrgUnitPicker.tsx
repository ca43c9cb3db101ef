import { Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { useQuery } from 'urql'
import { graphql } from '../graphql.ts'
import { useView } from '../view.ts'

const OrgUnitsQuery = graphql(`
  query OrgUnits($locale: String) {
    orgUnits { key name(locale: $locale) kind parent { key } }
  }
`)

/** The district or one of its units. */
export function OrgUnitPicker() {
  const { t } = useTranslation()
  const view = useView()
  const [{ data }] = useQuery({ query: OrgUnitsQuery, variables: { locale: view.locale } })
  return (
    <Select
      data-testid="org-unit-picker"
      aria-label={t('orgUnit.label')}
      value={view.orgUnit}
      style={{ width: 240 }}
      onChange={view.setOrgUnit}
      loading={!data}
      showSearch={{ optionFilterProp: 'label' }}
      options={(data?.orgUnits ?? []).map((u) => ({ value: u.key, label: u.parent ? `　${u.name}` : u.name }))}
    />
  )
}
