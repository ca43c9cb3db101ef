import { describe, expect, it } from 'vitest'
import { OrgTree } from './org-tree.ts'

// A city over two districts, each over its offices and stations.
const city = new OrgTree([
  { key: 'wuhan', parentKey: null },
  { key: 'wuchang', parentKey: 'wuhan' },
  { key: 'hankou', parentKey: 'wuhan' },
  { key: 'wuchang-nanhu', parentKey: 'wuchang' },
  { key: 'wuchang-offices', parentKey: 'wuchang' },
  { key: 'hankou-jianghan', parentKey: 'hankou' },
])

describe('OrgTree at any depth', () => {
  it('gives the units above a unit, nearest first, the root last', () => {
    expect(city.above('wuchang-nanhu')).toEqual(['wuchang', 'wuhan'])
    expect(city.above('hankou')).toEqual(['wuhan'])
    expect(city.above('wuhan')).toEqual([])
  })

  it('gives a unit with every unit below it, at every level', () => {
    expect(city.subtree('wuhan')).toEqual(['wuhan', 'wuchang', 'hankou', 'wuchang-nanhu', 'wuchang-offices', 'hankou-jianghan'])
    expect(city.subtree('wuchang')).toEqual(['wuchang', 'wuchang-nanhu', 'wuchang-offices'])
    expect(city.children('wuhan')).toEqual(['wuchang', 'hankou'])
  })
})
