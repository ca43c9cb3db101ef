import { orgUnitKinds } from '@msp/plugin-sdk'
import { builder } from '../builder.ts'
import { localized } from '../context.ts'
import { quote, userError } from '../errors.ts'
import { listed } from './enums.ts'

export const OrgUnitRef = builder.prismaObject('OrgUnit', {
  description: 'A unit of the bureau: the district bureau, its offices, its grassroots stations.',
  fields: (t) => ({
    key: t.exposeID('key'),
    name: t.string({
      args: { locale: t.arg.string({ required: false, description: "'zh-CN' (default) or 'en'" }) },
      resolve: (unit, { locale }) => localized({ 'zh-CN': unit.nameZh, en: unit.nameEn }, locale),
    }),
    kind: t.exposeString('kind', { description: listed(orgUnitKinds) }),
    note: t.exposeString('note', { nullable: true, description: 'Why the unit is illustrative, where it is.' }),
    parent: t.relation('parent', { nullable: true }),
    children: t.relation('children', { query: { orderBy: { sortOrder: 'asc' } } }),
  }),
})

builder.queryField('orgUnits', (t) =>
  t.prismaField({
    type: ['OrgUnit'],
    description: "The whole tree, root first; for a REPORTER, their unit and those below it.",
    resolve: async (query, _root, _args, context) => {
      const own = context.viewer?.role === 'REPORTER' ? context.viewer.orgUnitKey : null
      const keys = own ? (await context.orgUnits()).tree.subtree(own) : undefined
      return context.db.orgUnit.findMany({
        ...query,
        ...(keys ? { where: { key: { in: keys } } } : {}),
        orderBy: [{ parentId: { sort: 'asc', nulls: 'first' } }, { sortOrder: 'asc' }],
      })
    },
  }),
)

builder.queryField('orgUnit', (t) =>
  t.prismaField({
    type: 'OrgUnit',
    nullable: true,
    args: { key: t.arg.id({ required: true }) },
    authScopes: (_root, { key }) => ({ readsUnit: String(key) }),
    resolve: async (query, _root, { key }, context) => {
      const unit = await context.db.orgUnit.findUnique({ ...query, where: { key: String(key) } })
      if (!unit) throw userError('UNKNOWN_ORG_UNIT', `org unit '${quote(String(key))}' does not exist; list them with { orgUnits { key } }`)
      return unit
    },
  }),
)
