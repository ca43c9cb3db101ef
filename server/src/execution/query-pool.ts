// Heavy queries run on worker threads, so the main thread stays free to answer everything
// else; a query past its time is stopped by ending its thread, not merely abandoned.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { builtinModules, createRequire } from 'node:module'
import { dirname, extname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import Piscina from 'piscina'
import type { QueryTask, QueryTaskResult, QueryWorkerData } from './run-query.ts'

export interface QueryPool {
  run(task: QueryTask, signal: AbortSignal): Promise<QueryTaskResult>
  /** Resolves when the first thread has loaded the schema and opened the database. */
  ready(): Promise<void>
  /** Threads started so far: more than the pool's size means some were ended. */
  readonly threadsStarted: number
  close(): Promise<void>
}

/** What query-worker.mjs is handed: the pool's data, and the precompiled module when there is one. */
export interface QueryWorkerStart extends QueryWorkerData {
  /** A file URL of the worker's code compiled into one module (compileQueryWorker); absent: the worker registers tsx. */
  compiled?: string
}

export function createQueryPool(threads: number, workerData: QueryWorkerData, maxQueue = 200): QueryPool {
  let threadsStarted = 0
  // The worker's code is compiled first (some 0.5 s), then the threads start on it.
  const started = compileQueryWorker(workerData.configPath).then((compiled) => {
    const pool = new Piscina<QueryTask, QueryTaskResult>({
      filename: new URL('./query-worker.mjs', import.meta.url).href,
      workerData: { ...workerData, compiled } satisfies QueryWorkerStart,
      // One thread from the start; the next ones when heavy queries overlap (each holds its
      // schema, client and reads, some 60–80 MiB at city scale), kept from then on.
      minThreads: 1,
      maxThreads: threads,
      maxQueue,
      // Not the parent's loader flags (Vitest's, or tsx's): the worker loads its code itself.
      execArgv: [],
      // A thread holds a schema and a connection: keep it rather than start anew.
      // The longest a timer takes (about 24 days): a larger one overflows to 1 ms, and Node
      // would end every thread above the first as soon as it was idle.
      idleTimeout: 2 ** 31 - 1,
      // A young generation of 8 MB rather than V8's 32: after a city's scorecard a thread
      // holds some 25 MB less, with no slower answers measured. The old generation is not
      // limited: a thread out of memory would end with its query.
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    })
    pool.on('workerCreate', () => threadsStarted++)
    return pool
  })
  return {
    run: async (task, signal) => (await started).run(task, { signal }),
    get threadsStarted() {
      return threadsStarted
    },
    // The first thread: the others load the same code and open the same database.
    ready: async () => {
      await (await started).run({ query: '{ __typename }', variables: null, operationName: null, deadline: Date.now() + 60_000 })
    },
    close: async () => (await started).close({ force: true }),
  }
}

const repositoryRoot = join(import.meta.dirname, '..', '..', '..')
const cacheDir = join(repositoryRoot, 'node_modules', '.cache', 'msp-query-worker')

/** The part of esbuild's API used here (esbuild comes with tsx, which runs the server). */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>
  stop(): Promise<void> | void
}
interface PluginBuild {
  onResolve(options: { filter: RegExp }, callback: (args: ResolveArgs) => Promise<unknown> | unknown): void
  onLoad(options: { filter: RegExp; namespace?: string }, callback: (args: { path: string }) => Promise<unknown> | unknown): void
  resolve(path: string, options: { kind: string; resolveDir: string; importer: string; pluginData: unknown }): Promise<{ path: string; errors: unknown[] }>
}
interface ResolveArgs { path: string; kind: string; resolveDir: string; importer: string; pluginData?: unknown }

/**
 * The worker's code (run-query.ts with the schema, the plugins and the Prisma client, and the
 * installation file) compiled into one JavaScript module, so a thread loads it as it is
 * rather than through tsx: tsx's loader runs on a thread of its own in each worker and keeps
 * what it compiled, some 50 MiB a worker. Only our TypeScript is bundled: every package under
 * node_modules is imported from where Node finds it, so the thread runs the same code. Written
 * once per content under node_modules/.cache; undefined when it cannot be built (the worker
 * then registers tsx as before).
 */
export async function compileQueryWorker(configPath: string): Promise<string | undefined> {
  let esbuild: Esbuild | undefined
  try {
    const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'))
    esbuild = ((await import(pathToFileURL(fromTsx.resolve('esbuild')).href)) as { default: Esbuild }).default
    const entry = [
      `export { openQueryRunner } from ${JSON.stringify(join(import.meta.dirname, 'run-query.ts'))}`,
      `export { default as installation } from ${JSON.stringify(configPath)}`,
    ].join('\n')
    const result = await esbuild.build({
      stdin: { contents: entry, resolveDir: import.meta.dirname, sourcefile: 'query-worker-entry.ts', loader: 'ts' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Node's own choice of a package's files: no 'module' field or condition.
      conditions: [],
      mainFields: ['main'],
      logLevel: 'silent',
      plugins: [{ name: 'msp-query-worker', setup: (build: PluginBuild) => {
        // Packages stay outside, imported by their resolved path (a pnpm store path Node would
        // reach from the importing file too); the workspace's TypeScript packages come in.
        build.onResolve({ filter: /^[^./]/ }, async (args) => {
          if (args.pluginData === 'inner' || args.path.startsWith('@msp/')) return undefined
          if (args.path.startsWith('node:') || builtins.has(args.path)) return { path: args.path, external: true }
          const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'inner' })
          if (resolved.errors.length > 0) return { errors: resolved.errors }
          if (!resolved.path.includes('/node_modules/')) return undefined
          if (wasmBase64.test(resolved.path)) return { path: resolved.path, namespace: 'wasm-base64' }
          return { path: resolved.path, external: true }
        })
        // Prisma's query compiler comes as a module exporting its WebAssembly as a base64 string
        // (4.4 MB), which a thread would hold twice for its lifetime (the module's source and the
        // string). Prisma reads it once, Buffer.from(wasm, 'base64'): here that read takes the
        // string from the file when it happens, and nothing keeps it. 8 MB less a thread.
        build.onLoad({ filter: /.*/, namespace: 'wasm-base64' }, (args) => ({
          contents: [
            `import { readFileSync } from 'node:fs'`,
            `const file = ${JSON.stringify(args.path)}`,
            `const read = () => /"([A-Za-z0-9+/=]+)"/.exec(readFileSync(file, 'latin1'))[1]`,
            `export const wasm = { [Symbol.toPrimitive]: read, toString: read, valueOf: read }`,
          ].join('\n'),
          loader: 'js',
          resolveDir: dirname(args.path),
        }))
        // import.meta names the bundle once bundled: each source keeps its own file's.
        build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
          if (args.path.includes('/node_modules/')) return undefined
          const source = await readFile(args.path, 'utf8')
          const contents = source
            .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
            .replaceAll('import.meta.filename', JSON.stringify(args.path))
            .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          return { contents, loader: loaders[extname(args.path)] ?? 'ts' }
        })
      } }],
    })
    const text = result.outputFiles[0]!.text
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 16)
    const file = join(cacheDir, `query-worker-${hash}.mjs`)
    if (existsSync(file)) {
      // In use: not pruned as unused (a thread that replaces an ended one loads it again).
      utimesSync(file, new Date(), new Date())
    } else {
      mkdirSync(cacheDir, { recursive: true })
      pruneCache()
      // Written whole under another name first: another server starting at once reads it whole or not at all.
      const partial = `${file}.${process.pid}.${Date.now()}`
      writeFileSync(partial, `// Compiled by server/src/execution/query-pool.ts from run-query.ts and ${configPath}; do not edit.\n${text}`)
      renameSync(partial, file)
    }
    return pathToFileURL(file).href
  } catch (error) {
    console.warn(`query threads: the worker's code could not be compiled (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); the threads compile it through tsx`)
    return undefined
  } finally {
    // esbuild's service is a process of its own: not kept for the server's lifetime.
    await esbuild?.stop()
  }
}

const builtins = new Set(builtinModules)
const wasmBase64 = /\/query_compiler_[a-z]+_bg\.[a-z]+\.wasm-base64\.mjs$/
const loaders: Record<string, string> = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx' }

/**
 * Compiled workers of earlier versions of the code (one a change under `pnpm dev`), not started
 * on for a day, go. Should a server's file go meanwhile, its next thread compiles through tsx.
 */
function pruneCache(): void {
  const dayAgo = Date.now() - 24 * 3600_000
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name)
    try {
      if (statSync(path).mtimeMs < dayAgo) rmSync(path, { force: true })
    } catch {
      // Removed by another server meanwhile.
    }
  }
}
