// For the installation's own plugin tests: the validator and the sentences, against the report
// these plugins quote.
import { pluginTester } from '@msp/plugin-sdk/testing'
import { wuchangReport } from './reports/index.ts'

export const { problemsOf, sentenceOf, spanOf } = pluginTester(wuchangReport)
