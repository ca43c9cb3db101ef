import { join } from 'node:path'
import { loadReport } from '@msp/plugin-sdk'

/** The director's report to the standing committee, 2023-09-26: the source of every REPORT figure. */
export const wuchangReport = loadReport(join(import.meta.dirname, 'wuchang-2023-09-26.json'))
