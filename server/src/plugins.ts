// The installation file: msp.config.ts at the repository's root, or the file MSP_CONFIG names.
// It is TypeScript, imported as a module (tsx or Vitest compile it), and validated once per
// process.
import { existsSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { InstallationDefinition } from '@msp/plugin-sdk'
import { createRegistry, type Registry } from './registry.ts'

/** The installation file of this repository. */
export const defaultConfigPath = join(import.meta.dirname, '..', '..', 'msp.config.ts')

/** The installation file to load: MSP_CONFIG (relative to the working directory) or the default. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const named = env.MSP_CONFIG?.trim()
  return named ? (isAbsolute(named) ? named : resolve(named)) : defaultConfigPath
}

const loaded = new Map<string, Promise<Registry>>()

/** The installation's registry, validated once per process and file. */
export function loadRegistry(path = configPath()): Promise<Registry> {
  let registry = loaded.get(path)
  if (!registry) {
    registry = importInstallation(path).then(createRegistry)
    loaded.set(path, registry)
    registry.catch(() => loaded.delete(path))
  }
  return registry
}

async function importInstallation(path: string): Promise<InstallationDefinition> {
  if (!existsSync(path)) throw new Error(`installation file ${path} does not exist; set MSP_CONFIG to an msp.config.ts, or unset it`)
  const module = (await import(pathToFileURL(path).href)) as { default?: InstallationDefinition }
  if (!module.default || typeof module.default !== 'object' || !Array.isArray(module.default.plugins)) {
    throw new Error(`installation file ${path} must export default defineInstallation({ name, orgUnits, reports, plugins })`)
  }
  return module.default
}
