import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checklist, DOCKERFILES } from './fixtures.js'

describe('OP009 on a build context with a .git folder (made here: git cannot hold one)', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'op009-'))
    cpSync(join(DOCKERFILES, 'OP009', 'good'), dir, { recursive: true })
    mkdirSync(join(dir, '.git'))
    writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  const op009 = () =>
    checklist('OP009/good/Dockerfile', { context: dir, dockerfilePath: join(dir, 'Dockerfile') }).filter(
      f => f.ruleId === 'OP009'
    )

  it('is silent when the .dockerignore excludes it', () => expect(op009()).toEqual([]))

  it('fires when a .dockerignore leaves .git in', () => {
    writeFileSync(join(dir, 'Dockerfile.dockerignore'), '__pycache__\n*.csv\n')
    const [finding] = op009()
    expect(finding?.line).toBe(2)
    expect(finding?.message).toContain(
      'copies .git/ from the build context: the .dockerignore does not exclude them: add .git to it'
    )
  })

  it('fires when there is no .dockerignore', () => {
    rmSync(join(dir, 'Dockerfile.dockerignore'))
    expect(op009()[0]?.message).toContain('.git/, __pycache__/')
  })
})
