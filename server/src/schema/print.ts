import { printSchema } from 'graphql'
import { sortedSchema } from './index.ts'

export function printedSchema(): string {
  return `${printSchema(sortedSchema())}\n`
}
