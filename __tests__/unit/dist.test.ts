import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../support/env.js'

describe('dist/', () => {
  it('is exactly what a fresh bundle of src/ gives (run npm run bundle and commit dist/)', () => {
    const out = mkdtempSync(join(tmpdir(), 'oci-dist-'))
    execFileSync('bash', [join(ROOT, 'scripts', 'bundle.sh'), out], { cwd: ROOT, stdio: 'pipe' })
    const fresh = readdirSync(out).sort()
    expect(readdirSync(join(ROOT, 'dist')).sort()).toEqual(fresh)
    for (const file of fresh) {
      const same = readFileSync(join(out, file)).equals(readFileSync(join(ROOT, 'dist', file)))
      expect([file, same]).toEqual([file, true])
    }
  }, 180_000)
})
