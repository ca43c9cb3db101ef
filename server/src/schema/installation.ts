// The installation this server runs, by name: the page's title, on the sign-in page too (a
// city's platform is not titled after one of its districts).
import type { InstallationDefinition } from '@msp/plugin-sdk'
import { builder } from '../builder.ts'
import { localized } from '../context.ts'

export const InstallationRef = builder.objectRef<InstallationDefinition>('Installation').implement({
  description: 'The installation: the bureau whose performance the platform evaluates, its org units and its plugins.',
  fields: (t) => ({
    name: t.string({
      args: { locale: t.arg.string({ required: false, description: "'zh-CN' (default) or 'en'" }) },
      resolve: (installation, { locale }) => localized(installation.name, locale),
    }),
  }),
})

builder.queryField('installation', (t) =>
  t.field({
    type: InstallationRef,
    description: "The installation's name. Needs no credentials: the sign-in page shows it.",
    skipTypeScopes: true,
    resolve: (_root, _args, context) => context.registry.installation,
  }),
)
