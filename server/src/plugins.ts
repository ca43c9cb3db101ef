import { plugins } from '@msp/plugins'
import { createRegistry, type Registry } from './registry.ts'
import { orgUnits } from './seed/org-units.ts'

let registry: Registry | undefined

/** The installation's plugin list, validated once per process. */
export function loadRegistry(): Registry {
  registry ??= createRegistry(plugins, undefined, orgUnits.map((u) => u.key))
  return registry
}
