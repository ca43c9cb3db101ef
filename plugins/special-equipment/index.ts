import { countMetric, definePlugin } from '@msp/plugin-sdk'


export const specialEquipment = definePlugin({
  key: 'special-equipment',
  name: { 'zh-CN': '特种设备安全', en: 'Special equipment' },
  totalWeight: 20,
  metrics: [
    countMetric('special-equipment.units-inspected', { 'zh-CN': '安全监察单位', en: 'Units inspected (installers, maintainers, users)' }, '家', { scoring: { rule: 'PROPORTIONAL', weight: 3 } }),
    countMetric('special-equipment.equipment-covered', { 'zh-CN': '涉及设备', en: 'Equipment covered by inspections' }, '台', { scoring: { rule: 'PROPORTIONAL', weight: 3 } }),
    countMetric('special-equipment.orders-issued', { 'zh-CN': '下达安全监察指令书', en: 'Safety inspection orders issued' }, '份', { scoring: { rule: 'PROPORTIONAL', weight: 3 } }),
    countMetric('special-equipment.hazards-rectified', { 'zh-CN': '整改隐患', en: 'Hazards rectified' }, '起', { scoring: { rule: 'PROPORTIONAL', weight: 4 } }),
    countMetric('special-equipment.elevators-spot-checked', { 'zh-CN': '维保抽查电梯', en: 'Elevators spot-checked for maintenance' }, '台', { scoring: { rule: 'PROPORTIONAL', weight: 4 } }),
    countMetric('special-equipment.safety-assessments', { 'zh-CN': '电梯安全评估', en: 'Elevator safety assessments' }, '台', { scoring: { rule: 'PROPORTIONAL', weight: 3 } }),
    countMetric('special-equipment.illegal-maintenance-cases', { 'zh-CN': '查处违规维保作业', en: 'Illegal maintenance work punished' }, '起'),
    countMetric('special-equipment.firms-downgraded', { 'zh-CN': '维保单位降级资质', en: 'Maintenance firms downgraded' }, '家'),
    countMetric('special-equipment.firms-deregistered', { 'zh-CN': '维保单位注销资质', en: 'Maintenance firms deregistered' }, '家'),
  ],
  reportFigures: [
    { metric: 'special-equipment.units-inspected', value: 464, span: 'since2022', stated: '464家', quote: '共对464家特种设备安改维单位和使用单位开展安全监察' },
    { metric: 'special-equipment.equipment-covered', value: 1609, span: 'since2022', stated: '1609台', quote: '涉及设备1609台' },
    { metric: 'special-equipment.orders-issued', value: 520, span: 'since2022', stated: '520份', quote: '下达《特种设备安全监察指令书》520份' },
    { metric: 'special-equipment.hazards-rectified', value: 1531, span: 'since2022', stated: '1531起', quote: '整改隐患1531起' },
    { metric: 'special-equipment.elevators-spot-checked', value: 373, span: 'since2022', stated: '373台', quote: '维保抽查电梯373台' },
    { metric: 'special-equipment.safety-assessments', value: 24, span: 'since2022', stated: '24台', quote: '安全评估24台' },
    { metric: 'special-equipment.illegal-maintenance-cases', value: 2, span: 'since2022', stated: '2起', quote: '查处违规开展维保作业行为2起' },
    { metric: 'special-equipment.firms-downgraded', value: 1, span: 'firstHalf2023', stated: '1家', quote: '上半年来1家单位已降级资质' },
    { metric: 'special-equipment.firms-deregistered', value: 2, span: 'firstHalf2023', stated: '2家', quote: '2家单位已注销资质' },
  ],
})
