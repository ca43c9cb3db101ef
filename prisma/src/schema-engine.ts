// Loads Prisma's schema engine compiled to WebAssembly, so migrations run without the
// native schema-engine binary (which cannot be downloaded on these machines).
// A plain import of the package needs --experimental-wasm-modules on Node 20, so the
// module is compiled and wired by hand, once per process.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg'
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import type { SchemaEngine } from '@prisma/schema-engine-wasm'

// Which copies of the glue module have their WebAssembly: a test runner may load this file
// twice while Node shares the glue, and wiring a second instance into it breaks the first.
const wired = ((globalThis as { mspSchemaEngines?: WeakSet<object> }).mspSchemaEngines ??= new WeakSet<object>())

function load(): void {
  if (wired.has(bg)) return
  const require = createRequire(import.meta.url)
  const wasmPath = join(dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm')
  const module = new WebAssembly.Module(readFileSync(wasmPath))
  const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports })
  ;(bg as unknown as { __wbg_set_wasm(exports: WebAssembly.Exports): void }).__wbg_set_wasm(instance.exports)
  ;(instance.exports as { __wbindgen_start(): void }).__wbindgen_start()
  wired.add(bg)
}

export type { SchemaEngine }

export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  datamodels?: [string, string][],
): Promise<SchemaEngine> {
  load()
  const log = (_message: string) => {}
  return (bg as unknown as { SchemaEngine: typeof SchemaEngine }).SchemaEngine.new(
    { datamodels },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  )
}
