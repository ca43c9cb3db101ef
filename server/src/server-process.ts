// `pnpm start`'s server in a child process on a free port, for the browser tests and the
// benchmarks: started, waited for until /health answers, and stopped.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { freePort } from '@msp/db'

const root = join(import.meta.dirname, '..', '..')

export interface ServerProcess {
  url: string
  port: number
  child: ChildProcess
  /** What the server printed so far. */
  output(): string
  stop(): Promise<void>
}

export async function startServerProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort()
  // Node itself with tsx's loader, not tsx's CLI (which runs the server in a child of its own):
  // the process here is the server, so a signal sent to it (SIGKILL in the crash test) reaches it.
  const child = spawn(process.execPath, ['--import', pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, join(root, 'server', 'src', 'main.ts')], {
    env: { ...process.env, ...env, PORT: String(port), DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited:\n${output}`)
    if (await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false)) break
    if (i > 600) {
      child.kill('SIGKILL')
      throw new Error(`the server did not start in 60 s:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
    port,
    child,
    output: () => output,
    stop: async () => {
      // Gone already (a signal's death leaves exitCode null): its exit event has passed.
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    },
  }
}
