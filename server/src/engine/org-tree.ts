export interface OrgNode {
  key: string
  parentKey: string | null
}

/** The bureau's units as a tree: the bureau at the root (a city's, over district bureaus, or a district's), offices and stations below. */
export class OrgTree {
  readonly root: string
  private readonly childrenOf = new Map<string, string[]>()
  private readonly parentOf = new Map<string, string>()
  private readonly keys = new Set<string>()

  constructor(nodes: readonly OrgNode[]) {
    const roots = nodes.filter((n) => n.parentKey === null)
    if (roots.length !== 1) throw new Error(`an org tree has one root; found ${roots.length}`)
    this.root = roots[0]!.key
    for (const node of nodes) {
      this.keys.add(node.key)
      if (node.parentKey !== null) {
        this.parentOf.set(node.key, node.parentKey)
        const list = this.childrenOf.get(node.parentKey) ?? []
        list.push(node.key)
        this.childrenOf.set(node.parentKey, list)
      }
    }
  }

  has(key: string): boolean {
    return this.keys.has(key)
  }

  children(key: string): readonly string[] {
    return this.childrenOf.get(key) ?? []
  }

  /** The units above `key`, nearest first, the root last; none for the root. */
  above(key: string): string[] {
    const out: string[] = []
    for (let at = this.parentOf.get(key); at !== undefined && out.length <= this.keys.size; at = this.parentOf.get(at)) out.push(at)
    return out
  }

  /** The unit and every unit below it. */
  subtree(key: string): string[] {
    const out = [key]
    for (let i = 0; i < out.length; i++) out.push(...this.children(out[i]!))
    return out
  }
}
