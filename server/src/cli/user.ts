// pnpm run user add <login> --name NAME --role ADMIN|LEADER|COMMITTEE|REPORTER [--org-unit KEY] [--password-stdin]
// pnpm run user list
// pnpm run user disable <login>
// pnpm run user reset-password <login> [--password-stdin]
// Accounts, for an administrator at the shell. A password is read from standard input with
// --password-stdin (so it stays out of the shell's history and the process list), otherwise
// generated and printed once. Every message is one line; no stack traces.
import { parseArgs } from 'node:util'
import { databaseUrlFromEnv, DatabaseBusyError, openDatabase, type Database } from '@msp/db'
import { AccountError, createUser, disableUser, listUsers, resetPassword } from '../auth/accounts.ts'
import { roles } from '../auth/roles.ts'
import { generatePassword } from '../auth/secrets.ts'
import { InstallationError, loadRegistry } from '../plugins.ts'
import { seedIfEmpty } from '../seed/seed.ts'
import { SettingsError } from '../settings.ts'

const usage = [
  'usage: pnpm run user add <login> --name NAME --role ' + roles.join('|') + ' [--org-unit KEY] [--password-stdin]',
  '       pnpm run user list',
  '       pnpm run user disable <login>',
  '       pnpm run user reset-password <login> [--password-stdin]',
].join('\n')

function fail(message: string, code = 1): never {
  console.error(message)
  process.exit(code)
}

let parsed: ReturnType<typeof parse>
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      'org-unit': { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
}
try {
  parsed = parse()
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0]}\n${usage}`, 2)
}
const { positionals, values } = parsed
if (values.help) {
  console.log(usage)
  process.exit(0)
}
const [command, login, ...rest] = positionals
const needsLogin = command === 'add' || command === 'disable' || command === 'reset-password'
if (!command || !['add', 'list', 'disable', 'reset-password'].includes(command) || rest.length > 0 || (needsLogin ? !login : login)) fail(usage, 2)
if (command === 'add' && (!values.name || !values.role)) fail(`add needs --name and --role\n${usage}`, 2)

async function readPassword(): Promise<string | undefined> {
  if (!values['password-stdin']) return undefined
  let text = ''
  for await (const chunk of process.stdin) text += chunk
  // One line: the password, without its line break.
  return text.replace(/\r?\n$/, '')
}

let database: Database | undefined
try {
  const typed = await readPassword()
  database = await openDatabase(databaseUrlFromEnv())
  // The org units a REPORTER is bound to come from the installation.
  await seedIfEmpty(database.db, await loadRegistry())
  const db = database.db
  if (command === 'list') {
    for (const u of await listUsers(db)) {
      console.log([u.login, u.role, u.orgUnit?.key ?? '-', u.disabled ? 'disabled' : 'active', u.name].join('\t'))
    }
  } else if (command === 'add') {
    const password = typed ?? generatePassword()
    const user = await createUser(db, { login: login!, name: values.name!, role: values.role!, orgUnit: values['org-unit'], password }, 'shell')
    console.log(`created '${user.login}' (${user.role}${user.orgUnit ? `, ${user.orgUnit.key}` : ''})`)
    if (!typed) console.log(`password (shown once): ${password}`)
  } else if (command === 'disable') {
    const user = await disableUser(db, login!)
    console.log(`disabled '${user.login}': its sessions ended and its API tokens revoked`)
  } else {
    const { user, password } = await resetPassword(db, login!, typed)
    console.log(`new password for '${user.login}'; its sessions ended`)
    if (!typed) console.log(`password (shown once): ${password}`)
  }
} catch (error) {
  process.exitCode = 1
  if (error instanceof AccountError) console.error(`${error.message}; nothing was changed`)
  else if (error instanceof DatabaseBusyError || error instanceof SettingsError || error instanceof InstallationError) console.error(error.message)
  else {
    console.error(`unexpected ${(error as Error)?.name ?? 'error'}; nothing was changed (MSP_DEBUG=1 shows the details)`)
    if (process.env.MSP_DEBUG) console.error(error)
  }
} finally {
  await database?.close().catch(() => {})
}
// adapter-pg keeps a timer alive for a while after closing.
process.exit()
