import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import ts from 'typescript'
import { ROOT } from '../../support/env.js'

/*
 * The source's shape, as a newcomer reads it: the folder tells the role (faces turn inputs into a
 * Config and run the pipeline; the pipeline runs the stages; stages use infra), no module imports
 * one that imports it back, and no file is over 300 lines.
 */
const SRC = join(ROOT, 'src')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return name.endsWith('.ts') ? [path] : []
  })
}

/** Each module's imports of other modules of src/ (type-only ones too), as paths from src/. */
export function importGraph(files: Map<string, string>): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const [file, text] of files) {
    const imports = ts
      .preProcessFile(text, true, false)
      .importedFiles.map(i => i.fileName)
      .filter(spec => spec.startsWith('.'))
      .map(spec => join(dirname(file), spec).replace(/\.js$/, '.ts'))
      .filter(target => files.has(target))
    graph.set(file, imports)
  }
  return graph
}

/** Every import cycle, each as the modules along it (Tarjan's strongly connected components). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const visit = (v: string): void => {
    index.set(v, next)
    low.set(v, next++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) !== index.get(v)) return
    const component: string[] = []
    let w: string
    do {
      w = stack.pop()!
      onStack.delete(w)
      component.push(w)
    } while (w !== v)
    if (component.length > 1 || graph.get(v)?.includes(v)) cycles.push(component.sort())
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return cycles
}

const roleOf = (file: string): string => file.split('/')[0]!.replace(/\.ts$/, '')

/** Which roles a role may not import: nothing reaches up to a face, nor from a stage to the pipeline. */
const FORBIDDEN: Record<string, string[]> = {
  pipeline: ['faces'],
  stages: ['faces', 'pipeline'],
  infra: ['faces', 'pipeline', 'stages'],
  config: ['faces', 'pipeline']
}

describe('the layout checks', () => {
  const files = new Map([
    ['a.ts', "import { b } from './b.js'"],
    ['b.ts', "import type { C } from './c/c.js'"],
    ['c/c.ts', "export { a } from '../a.js'"],
    ['d.ts', "import { a } from './a.js'\nimport x from 'yaml'"]
  ])
  it('find a cycle through type-only imports and re-exports, and nothing else', () => {
    expect(importCycles(importGraph(files))).toEqual([['a.ts', 'b.ts', 'c/c.ts']])
    files.set('c/c.ts', 'export const a = 1')
    expect(importCycles(importGraph(files))).toEqual([])
  })
})

describe('the source layout', () => {
  const texts = new Map(sources(SRC).map(path => [relative(SRC, path), readFileSync(path, 'utf8')]))
  const graph = importGraph(texts)

  it('reads every module of src/', () => {
    expect(texts.size).toBeGreaterThan(100)
    expect([...graph.values()].flat().length).toBeGreaterThan(300)
  })

  it('has no import cycle', () => {
    expect(importCycles(graph)).toEqual([])
  })

  it('has no file over 300 lines', () => {
    const long = [...texts].filter(([, text]) => text.split('\n').length > 300).map(([file]) => file)
    expect(long).toEqual([])
  })

  it('imports only downwards: faces → pipeline → stages → infra', () => {
    const upward = [...graph].flatMap(([file, imports]) =>
      imports
        .filter(target => FORBIDDEN[roleOf(file)]?.includes(roleOf(target)))
        .map(target => `${file} → ${target}`)
    )
    expect(upward).toEqual([])
  })

  it('files every module under a role folder, beside a few shared leaves', () => {
    const roles = new Set([...texts.keys()].map(roleOf))
    expect([...roles].sort()).toEqual(
      [
        'config',
        'context',
        'errors',
        'faces',
        'findings',
        'infra',
        'pipeline',
        'reporter',
        'stages',
        'text'
      ].sort()
    )
    // The shared leaves import nothing of the project's, so every role may use them.
    for (const leaf of ['context', 'errors', 'findings', 'reporter', 'text'])
      expect([leaf, graph.get(`${leaf}.ts`)]).toEqual([leaf, []])
  })
})
