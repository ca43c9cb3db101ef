import { describe, expect, it } from 'vitest'
import { chineseNumeral, parseStated, sameNumber } from './stated.ts'

const valueOf = (stated: string) => parseStated(stated)

describe('parseStated', () => {
  it('reads a count with its unit and the words around it', () => {
    expect(valueOf('2160家次')).toEqual({ value: 2160 })
    expect(valueOf('议案10件')).toEqual({ value: 10 })
    expect(valueOf('立案32家次')).toEqual({ value: 32 })
  })

  it('reads thousands commas and decimals', () => {
    expect(valueOf('53,139件')).toEqual({ value: 53_139 })
    expect(valueOf('13,037户')).toEqual({ value: 13_037 })
    expect(valueOf('37.5斤')).toEqual({ value: 37.5 })
  })

  it('multiplies by 万 and 亿, exactly', () => {
    expect(valueOf('257.21万元')).toEqual({ value: 2_572_100 })
    expect(valueOf('311.25万元')).toEqual({ value: 3_112_500 })
    expect(valueOf('1.2亿元')).toEqual({ value: 120_000_000 })
    expect(valueOf('19.12亿元')).toEqual({ value: 1_912_000_000 })
    expect(valueOf('5亿元')).toEqual({ value: 500_000_000 })
  })

  it('reads a percentage as a fraction: 100% is 1', () => {
    expect(valueOf('100%')).toEqual({ value: 1 })
    expect(valueOf('满意率和基本满意率100%')).toEqual({ value: 1 })
    expect(valueOf('92.8%')).toEqual({ value: 0.928 })
  })

  it('takes 逾, 近, 超, 约, 余 and 多 as words around the number, also around 万', () => {
    expect(valueOf('逾6429家次')).toEqual({ value: 6429 })
    expect(valueOf('近30项')).toEqual({ value: 30 })
    expect(valueOf('超200户')).toEqual({ value: 200 })
    expect(valueOf('约15人')).toEqual({ value: 15 })
    expect(valueOf('1900余台')).toEqual({ value: 1900 })
    expect(valueOf('300多家')).toEqual({ value: 300 })
    expect(valueOf('1万余台')).toEqual({ value: 10_000 })
    expect(valueOf('8万余件')).toEqual({ value: 80_000 })
    expect(valueOf('800余万元')).toEqual({ value: 8_000_000 })
  })

  it('reads the Chinese numerals the report writes small counts in', () => {
    expect(valueOf('四次')).toEqual({ value: 4 })
    expect(valueOf('两家')).toEqual({ value: 2 })
    expect(valueOf('三家')).toEqual({ value: 3 })
    expect(valueOf('第一')).toEqual({ value: 1 })
    expect(valueOf('零事故')).toEqual({ value: 0 })
    expect(chineseNumeral('十')).toBe(10)
    expect(chineseNumeral('十二')).toBe(12)
    expect(chineseNumeral('二十')).toBe(20)
    expect(chineseNumeral('一百零五')).toBe(105)
    expect(chineseNumeral('二〇二三')).toBe(2023)
  })

  it('counts the unit named before 和 with the number after it', () => {
    expect(valueOf('武昌区军粮供应站和3家')).toEqual({ value: 4 })
  })

  it('says when there is no number, or more than one', () => {
    expect(valueOf('全部')).toEqual({ problem: "stated '全部' holds no number to check value against" })
    expect(valueOf('主办7件,协办3件')).toEqual({
      problem: "stated '主办7件,协办3件' holds 2 numbers (7, 3); stated is the one figure, the words around it belong in quote",
    })
  })
})

describe('sameNumber', () => {
  it('allows float noise, not a different figure', () => {
    expect(sameNumber(0.1 + 0.2, 0.3)).toBe(true)
    expect(sameNumber(2106, 2160)).toBe(false)
    expect(sameNumber(0.928, 0.93)).toBe(false)
  })
})
