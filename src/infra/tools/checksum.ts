import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { StepError } from '../../errors.js'

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Refuses a download whose SHA-256 is not the pinned one: a tampered or re-cut release never runs. */
export async function verifySha256(path: string, expected: string, tool: string): Promise<void> {
  const actual = await sha256File(path)
  if (actual !== expected.toLowerCase())
    throw new StepError(
      `the ${tool} download does not match its pinned SHA-256 (expected ${expected.toLowerCase()}, got ${actual}); it was not used`
    )
}
