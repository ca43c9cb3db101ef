// Every temporary file of a test run (database copies, browser profiles, throwaway clusters,
// servers' files) goes under one directory that the run removes at its end. Without it each
// run left some 300 directories of 30 MB in the system's temporary directory, and repeated
// runs filled the disk. Set here, in the main process before the test workers start, TMPDIR
// is inherited by the workers and by every process they start (os.tmpdir() reads it).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

let users = 0
let dir: string | undefined
let systemTmp: string | undefined

/** Points TMPDIR at the run's directory (made on first call); the returned function lets go, and the last to let go removes it. */
export function useRunTempDir(): () => void {
  if (users++ === 0) {
    systemTmp = process.env.TMPDIR
    dir = mkdtempSync(join(tmpdir(), 'msp-test-run-'))
    // The throwaway PostgreSQL cluster runs as the postgres user, which must reach its directory.
    chmodSync(dir, 0o755)
    process.env.TMPDIR = dir
  }
  let released = false
  return () => {
    if (released) return
    released = true
    if (--users > 0) return
    if (systemTmp === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = systemTmp
    if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 })
    dir = undefined
  }
}
