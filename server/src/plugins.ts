// The installation file: msp.config.ts at the repository's root, or the file MSP_CONFIG names.
// It is TypeScript, imported as a module (tsx or Vitest compile it), and validated once per
// process.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { PluginValidationError, type InstallationDefinition } from '@msp/plugin-sdk'
import { createRegistry, type Registry } from './registry.ts'

/** The installation file of this repository. */
export const defaultConfigPath = join(import.meta.dirname, '..', '..', 'msp.config.ts')

/**
 * The installation file to load: MSP_CONFIG or the default. A relative MSP_CONFIG is the user's,
 * from where they typed the command: pnpm runs a package's script in the package's directory
 * and says where the user stood in INIT_CWD.
 */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const named = env.MSP_CONFIG?.trim()
  return named ? resolve(env.INIT_CWD || process.cwd(), named) : defaultConfigPath
}

/**
 * An installation file that could not be used, with its path: its problems when it is invalid,
 * else the first line of why it could not be loaded. The message is what a user needs to see.
 */
export class InstallationError extends Error {
  constructor(readonly path: string, message: string, readonly problems: readonly string[] = [], options?: ErrorOptions) {
    super(message, options)
    this.name = 'InstallationError'
  }

  static of(path: string, error: unknown): InstallationError {
    if (error instanceof InstallationError) return error
    if (error instanceof PluginValidationError) {
      const list = error.problems.map((p) => `- ${p}`).join('\n')
      return new InstallationError(path, `the installation file ${path} has ${error.problems.length} problem(s):\n${list}`, error.problems, { cause: error })
    }
    return new InstallationError(path, `the installation file ${path} could not be loaded: ${firstLine(error)}`, [], { cause: error })
  }
}

/** An error's first line; the next too when the first only introduces it (esbuild's 'Transform failed with 1 error:'). */
function firstLine(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error)).split('\n').map((l) => l.trim()).filter(Boolean)
  if (lines.length === 0) return error instanceof Error ? error.name : 'unknown error'
  return lines[0]!.endsWith(':') && lines[1] ? `${lines[0]} ${lines[1]}` : lines[0]!
}

const loaded = new Map<string, Promise<Registry>>()

/** The installation's registry, validated once per process and file; fails with an InstallationError. */
export function loadRegistry(path = configPath()): Promise<Registry> {
  let registry = loaded.get(path)
  if (!registry) {
    registry = importInstallation(path).then(createRegistry).catch((error: unknown) => {
      throw InstallationError.of(path, error)
    })
    loaded.set(path, registry)
    registry.catch(() => loaded.delete(path))
  }
  return registry
}

async function importInstallation(path: string): Promise<InstallationDefinition> {
  if (!existsSync(path)) {
    throw new InstallationError(path, `the installation file ${path} does not exist; set MSP_CONFIG to an msp.config.ts, or unset it`)
  }
  const module = (await import(pathToFileURL(path).href)) as { default?: InstallationDefinition }
  if (!module.default || typeof module.default !== 'object' || !Array.isArray(module.default.plugins)) {
    throw new InstallationError(path, `the installation file ${path} must export default defineInstallation({ name, orgUnits, reports, plugins })`)
  }
  return module.default
}
