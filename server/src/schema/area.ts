import { builder } from '../builder.ts'
import { localized } from '../context.ts'
import { quote, userError } from '../errors.ts'

export const AreaRef = builder.prismaObject('Area', {
  description: 'A supervision area, defined by its plugin.',
  fields: (t) => ({
    key: t.exposeID('key'),
    name: t.string({
      args: { locale: t.arg.string({ required: false, description: "'zh-CN' (default) or 'en'" }) },
      resolve: (area, { locale }) => localized({ 'zh-CN': area.nameZh, en: area.nameEn }, locale),
    }),
    metrics: t.relation('metrics', {
      description: 'In the order the plugin defines them.',
      query: (_args, context) => ({ where: { key: { in: [...context.registry.metrics.keys()] } }, orderBy: { sortOrder: 'asc' } }),
    }),
  }),
})

builder.queryField('areas', (t) =>
  t.prismaField({
    type: ['Area'],
    description: 'The areas in plugin order.',
    resolve: (query, _root, _args, context) =>
      context.db.area.findMany({ ...query, where: { key: { in: context.registry.areas.map((a) => a.key) } }, orderBy: { sortOrder: 'asc' } }),
  }),
)

builder.queryField('area', (t) =>
  t.prismaField({
    type: 'Area',
    nullable: true,
    args: { key: t.arg.id({ required: true }) },
    resolve: async (query, _root, { key }, context) => {
      const known = context.registry.areas.some((a) => a.key === String(key))
      const area = known ? await context.db.area.findUnique({ ...query, where: { key: String(key) } }) : null
      if (!area) {
        throw userError('UNKNOWN_AREA', `area '${quote(String(key))}' does not exist; the areas are: ${context.registry.areas.map((a) => a.key).join(', ')}`)
      }
      return area
    },
  }),
)
