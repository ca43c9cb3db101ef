import { useEffect, useRef } from 'react'
import type { EChartsCoreOption } from 'echarts/core'

// ECharts is loaded with the first chart, not with the app.
const loadECharts = () => import('./echarts.ts')

/** One ECharts chart that follows its option and its container's size. */
export function EChart({ option, height = 260, testId }: { option: EChartsCoreOption; height?: number; testId?: string }) {
  const element = useRef<HTMLDivElement>(null)
  const chart = useRef<{ setOption(o: EChartsCoreOption, notMerge?: boolean): void; resize(): void; dispose(): void } | null>(null)

  useEffect(() => {
    let disposed = false
    let observer: ResizeObserver | undefined
    void loadECharts().then(({ echarts }) => {
      if (disposed || !element.current) return
      chart.current = echarts.init(element.current, undefined, { renderer: 'svg' })
      chart.current.setOption(option, true)
      observer = new ResizeObserver(() => chart.current?.resize())
      observer.observe(element.current)
    })
    return () => {
      disposed = true
      observer?.disconnect()
      chart.current?.dispose()
      chart.current = null
    }
    // The chart is made once; option changes go through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    chart.current?.setOption(option, true)
  }, [option])

  return <div ref={element} style={{ width: '100%', height }} data-testid={testId} />
}
