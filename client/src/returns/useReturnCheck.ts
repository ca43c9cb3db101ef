// Asks the server what a save of the clerk's changes would say (checkReturn) a moment after
// they stop typing: refusals and the warnings that will need a note show before saving.
import { useEffect, useState } from 'react'
import { useClient } from 'urql'
import { graphql } from '../graphql.ts'
import type { ValueInput } from './ReturnEditor.tsx'

export const CheckReturn = graphql(`
  query CheckReturn($orgUnit: ID!, $month: String!, $values: [ReturnValueInput!]!, $locale: String) {
    checkReturn(orgUnit: $orgUnit, month: $month, values: $values) {
      errors { metric message(locale: $locale) }
      warnings { metric message(locale: $locale) }
    }
  }
`)

export interface ReturnCheck {
  /** The values it was asked of, as JSON: a check of older drafts is not shown as current. */
  of: string
  errors: Record<string, string>
  warnings: Record<string, string[]>
}

/** How long typing must pause before the check is asked. */
const pauseMs = 400

export function useReturnCheck(orgUnit: string, month: string, values: ValueInput[] | null, locale: string): ReturnCheck | null {
  const client = useClient()
  const [check, setCheck] = useState<ReturnCheck | null>(null)
  const asked = values && values.length ? JSON.stringify(values) : null
  useEffect(() => {
    if (!asked) return
    let current = true
    const timer = setTimeout(() => {
      void client.query(CheckReturn, { orgUnit, month, values: JSON.parse(asked) as ValueInput[], locale }, { requestPolicy: 'network-only' }).toPromise().then(({ data }) => {
        // A failed check says nothing: the save itself still checks and says why.
        if (!current || !data) return
        const errors: Record<string, string> = {}
        for (const e of data.checkReturn.errors) errors[e.metric] ??= e.message
        const warnings: Record<string, string[]> = {}
        for (const w of data.checkReturn.warnings) (warnings[w.metric] ??= []).push(w.message)
        setCheck({ of: asked, errors, warnings })
      })
    }, pauseMs)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [client, orgUnit, month, asked, locale])
  return asked && check?.of === asked ? check : null
}
