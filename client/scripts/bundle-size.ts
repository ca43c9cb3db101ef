// pnpm bundle-size: the JavaScript a browser loads before the first screen (the entry and
// the chunks index.html preloads), gzipped, and the chunks loaded later on demand.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const dist = join(import.meta.dirname, '..', 'dist')
const html = readFileSync(join(dist, 'index.html'), 'utf8')
const initial = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!))
const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

let initialTotal = 0
for (const file of initial) initialTotal += gz(file)
console.log(`initial JS (gzip): ${kb(initialTotal)} in ${initial.size} file(s)`)
for (const file of readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') && !initial.has(`assets/${f}`)).sort()) {
  console.log(`  on demand: ${file} ${kb(gz(`assets/${file}`))}`)
}
