// A test run's temporary files go under one directory that the run removes at its end
// (support/run-temp.ts): without it, repeated runs filled the disk with database copies.
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { expect, it } from 'vitest'

it('puts the temporary files of the tests, and of the processes they start, under the run\'s own directory', () => {
  expect(tmpdir()).toMatch(/\/msp-test-run-[^/]+$/)
  const child = execFileSync(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())'], { encoding: 'utf8' })
  expect(child).toBe(tmpdir())
})
