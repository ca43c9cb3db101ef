// pnpm generate:scale [--districts N] [--years Y] [--database URL]: a new database holding the
// generated city (city.ts), every figure of it SAMPLE but Wuchang's report. Start it like any
// other: MSP_CONFIG=server/scale/city.config.ts DATABASE_URL=<url> pnpm start.
import { parseArgs } from 'node:util'
import { generateCity, minYears } from './generate-city.ts'

const usage = 'usage: pnpm generate:scale [-- --districts N] [--years Y] [--database URL]'
function options() {
  try {
    // `pnpm generate:scale -- --districts 3` passes the `--` along.
    return parseArgs({
      args: process.argv.slice(2).filter((a) => a !== '--'),
      options: {
        districts: { type: 'string', default: '15' },
        years: { type: 'string', default: String(minYears) },
        database: { type: 'string', default: 'file:.data/city.db' },
      },
    }).values
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`)
    process.exit(2)
  }
}
const values = options()

const whole = (name: string, text: string) => {
  if (!/^\d+$/.test(text)) {
    console.error(`--${name} must be a whole number, not '${text}'`)
    process.exit(2)
  }
  return Number(text)
}

try {
  const city = await generateCity(values.database, {
    districts: whole('districts', values.districts), years: whole('years', values.years), log: (line) => console.log(line),
  })
  console.log(`generated ${city.units} org units, ${city.figures} figures and ${city.targets} targets in ${city.seconds.toFixed(1)} s ` +
    `(${Math.round(city.figures / city.seconds)} figures a second)`)
  console.log(`start it: MSP_CONFIG=server/scale/city.config.ts DATABASE_URL='${values.database}' pnpm start`)
} catch (error) {
  console.error(`generate:scale: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
