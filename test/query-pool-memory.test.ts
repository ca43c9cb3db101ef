// The query threads' memory: their code comes precompiled rather than through tsx's loader (a
// loader thread of its own in every worker), and a pool starts its second thread only when
// heavy queries overlap.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '@msp/server/app'
import { compileQueryWorker } from '@msp/server/execution/query-pool'
import { defaultConfigPath } from '@msp/server/plugins'
import { data, openTestPlatform } from './support/platform.ts'

describe('query threads and memory', () => {
  let inProcess: Platform
  beforeAll(async () => {
    inProcess = await openTestPlatform()
  })
  afterAll(async () => {
    await inProcess.close()
  })

  it('compile the worker with the installation file into one module, importing packages from where Node finds them', async () => {
    const compiled = await compileQueryWorker(defaultConfigPath)
    expect(compiled).toMatch(/^file:.*query-worker-[0-9a-f]{16}\.mjs$/)
    const source = readFileSync(fileURLToPath(compiled!), 'utf8')
    expect(source).toContain('export {')
    expect(source).toMatch(/\binstallation\b/)
    // Prisma's WebAssembly (4.4 MB of base64) is read from its file when decoded, not kept in.
    expect(source.length).toBeLessThan(2_000_000)
    const specifiers = [...source.matchAll(/^import\b[^;]*?"([^"]+)";$|\bimport\("([^"]+)"\)/gm)].map((m) => (m[1] ?? m[2])!)
    expect(specifiers.length).toBeGreaterThan(5)
    for (const specifier of specifiers) {
      // A builtin, or a file under node_modules that exists: never our TypeScript, never tsx.
      if (specifier.startsWith('node:')) continue
      expect(specifier).toMatch(/\/node_modules\//)
      expect(specifier).not.toMatch(/\/tsx\//)
      expect(existsSync(specifier), specifier).toBe(true)
    }
    // Built again from the same sources: the same file.
    expect(await compileQueryWorker(defaultConfigPath)).toBe(compiled)
  })

  it('start one thread, and the second only when two heavy queries overlap; both answer as the main thread does', async () => {
    const threaded = await openTestPlatform({ queryThreads: true, settings: { workers: 2 } })
    try {
      expect(threaded.pool!.threadsStarted).toBe(1)
      const breakdown = (from: string) => `{ areas { key breakdown(period: { from: "${from}", to: "2024-12-31" }) { score } } }`
      expect(await data(threaded, breakdown('2024-01-01'))).toEqual(await data(inProcess, breakdown('2024-01-01')))
      expect(threaded.pool!.threadsStarted).toBe(1)
      const [a, b] = await Promise.all([data(threaded, breakdown('2022-01-01')), data(threaded, breakdown('2023-01-01'))])
      expect(threaded.pool!.threadsStarted).toBe(2)
      expect(a).toEqual(await data(inProcess, breakdown('2022-01-01')))
      expect(b).toEqual(await data(inProcess, breakdown('2023-01-01')))
      // Kept once started: idle a while, then overlapping again, no thread is started anew
      // (an idle time-out past a timer's range ended it after 1 ms).
      await new Promise((resolve) => setTimeout(resolve, 200))
      await Promise.all([data(threaded, breakdown('2021-01-01')), data(threaded, breakdown('2020-01-01'))])
      expect(threaded.pool!.threadsStarted).toBe(2)
    } finally {
      await threaded.close()
    }
  })
})
