import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../support/env.js'

/** Every file below dir, as paths relative to it (dist/cli/ holds the CLI's bundle). */
const filesBelow = (dir: string, prefix = ''): string[] =>
  readdirSync(join(dir, prefix))
    .sort()
    .flatMap(name => {
      const rel = prefix ? join(prefix, name) : name
      return statSync(join(dir, rel)).isDirectory() ? filesBelow(dir, rel) : [rel]
    })

describe('dist/', () => {
  it('is exactly what a fresh bundle of src/ gives (run npm run bundle and commit dist/)', () => {
    const out = mkdtempSync(join(tmpdir(), 'oci-dist-'))
    execFileSync('bash', [join(ROOT, 'scripts', 'bundle.sh'), out], { cwd: ROOT, stdio: 'pipe' })
    const fresh = filesBelow(out)
    expect(filesBelow(join(ROOT, 'dist'))).toEqual(fresh)
    for (const file of fresh) {
      const same = readFileSync(join(out, file)).equals(readFileSync(join(ROOT, 'dist', file)))
      expect([file, same]).toEqual([file, true])
    }
  }, 180_000)
})
