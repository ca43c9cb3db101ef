// The monthly return's queries and mutations: every write names the version it read.
import { graphql, type ResultOf } from '../graphql.ts'

export const ReturnFields = graphql(`
  fragment ReturnFields on MonthlyReturn {
    month state version dueOn late locked rejectedReason submittedBy submittedAt approvedBy approvedAt
    orgUnit { key name(locale: $locale) }
    values {
      metric { key name(locale: $locale) unit unitName(locale: $locale) kind area { key name(locale: $locale) } }
      value notApplicable note lastMonth sameMonthLastYear warnings(locale: $locale)
    }
    history { at by action metric { key name(locale: $locale) unit kind } old new reason }
  }
`)

export const ReturnQuery = graphql(`
  query MonthlyReturn($orgUnit: ID!, $month: String!, $locale: String) {
    monthlyReturn(orgUnit: $orgUnit, month: $month) { ...ReturnFields }
  }
`, [ReturnFields])

export const SaveReturn = graphql(`
  mutation SaveReturn($orgUnit: ID!, $month: String!, $version: Int!, $values: [ReturnValueInput!]!, $reason: String, $locale: String) {
    saveReturn(orgUnit: $orgUnit, month: $month, version: $version, values: $values, reason: $reason) { ...ReturnFields }
  }
`, [ReturnFields])

export const SubmitReturn = graphql(`
  mutation SubmitReturn($orgUnit: ID!, $month: String!, $version: Int!, $locale: String) {
    submitReturn(orgUnit: $orgUnit, month: $month, version: $version) { ...ReturnFields }
  }
`, [ReturnFields])

export const ApproveReturn = graphql(`
  mutation ApproveReturn($orgUnit: ID!, $month: String!, $version: Int!, $locale: String) {
    approveReturn(orgUnit: $orgUnit, month: $month, version: $version) { ...ReturnFields }
  }
`, [ReturnFields])

export const RejectReturn = graphql(`
  mutation RejectReturn($orgUnit: ID!, $month: String!, $version: Int!, $reason: String!, $locale: String) {
    rejectReturn(orgUnit: $orgUnit, month: $month, version: $version, reason: $reason) { ...ReturnFields }
  }
`, [ReturnFields])

export const ApprovalQueue = graphql(`
  query ApprovalQueue($locale: String) {
    approvalQueue {
      month version submittedBy submittedAt
      orgUnit { key name(locale: $locale) }
      values { value lastMonth warnings(locale: $locale) }
    }
  }
`)

export type MonthlyReturn = ResultOf<typeof ReturnFields>
export type ReturnValue = MonthlyReturn['values'][number]
