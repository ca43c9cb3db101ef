import { countMetric, definePlugin } from '@msp/plugin-sdk'

const office = { enteredBy: 'OFFICE' } as const

export const onlineTrade = definePlugin({
  key: 'online-trade',
  name: { 'zh-CN': '网络经营监管', en: 'Online trade' },
  metrics: [
    countMetric('online-trade.city-leads', { 'zh-CN': '完成市局转办线索', en: 'Leads referred by the city bureau, handled' }, '条', office),
    countMetric('online-trade.yuhang-leads', { 'zh-CN': '完成余杭转办线索', en: 'Leads referred by Yuhang, handled' }, '条', office),
    countMetric('online-trade.shops-monitored', { 'zh-CN': '动态监测网店、网站', en: 'Online shops and sites monitored' }, '家', { ...office, kind: 'STOCK' }),
  ],
  reportFigures: [
    { metric: 'online-trade.city-leads', value: 23, span: 'firstHalf2023', stated: '23条', quote: '市局转办线索23条' },
    { metric: 'online-trade.yuhang-leads', value: 12, span: 'firstHalf2023', stated: '12条', quote: '余杭转办线索12条' },
    { metric: 'online-trade.shops-monitored', value: 300, span: 'endOfFirstHalf2023', stated: '300家', quote: '动态监测300家网店' },
  ],
})
