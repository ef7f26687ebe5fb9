import {
  baseImage,
  dockerfileVersion,
  finalStage,
  parseDockerfile,
  stageLabels,
  substitute
} from '../../src/stages/dockerfile.js'

const DIGEST = 'sha256:' + 'a'.repeat(64)

describe('parseDockerfile', () => {
  const text = [
    `ARG BASE=registry.example/base/python:3.12@${DIGEST}`,
    'FROM ${BASE} AS build',
    'ARG APP_VERSION=2.4.1',
    'RUN echo build',
    'FROM build AS test',
    'LABEL int.skao.image.team="Team Alpha" other=1',
    'FROM scratch AS empty',
    'FROM test'
  ].join('\n')

  it('expands ARG defaults in FROM and follows stage references to the external base', () => {
    const df = parseDockerfile(text)
    expect(df.stages.map(s => [s.name, s.image])).toEqual([
      ['build', `registry.example/base/python:3.12@${DIGEST}`],
      ['test', 'build'],
      ['empty', 'scratch'],
      [undefined, 'test']
    ])
    expect(baseImage(df, finalStage(df))).toBe(`registry.example/base/python:3.12@${DIGEST}`)
    expect(baseImage(df, finalStage(df, 'empty'))).toBeUndefined()
  })

  it('lets build-args override ARG defaults', () => {
    const df = parseDockerfile(text, new Map([['BASE', 'other.example/x:1']]))
    expect(baseImage(df, finalStage(df))).toBe('other.example/x:1')
  })

  it('reads LABELs and *_VERSION through the stage chain', () => {
    const df = parseDockerfile(text)
    const final = finalStage(df)
    expect(stageLabels(df, final).get('int.skao.image.team')).toBe('Team Alpha')
    expect(dockerfileVersion(df, final)).toBe('2.4.1')
  })

  it.each([
    ['no FROM', 'RUN echo hi', 'Input "file": the Dockerfile has no FROM instruction'],
    ['an empty FROM image', 'ARG B\nFROM ${B}', 'Input "file": FROM on line 2 names no image ("${B}")']
  ])('rejects a Dockerfile with %s', (_what, content, message) => {
    expect(() => parseDockerfile(content)).toThrow(message)
  })

  it('names the target input when the stage does not exist', () => {
    expect(() => finalStage(parseDockerfile(text), 'prod')).toThrow(
      'Input "target": no stage named "prod" (stages: build, test, empty)'
    )
  })
})

describe('dockerfileVersion', () => {
  it.each([
    [
      'a global ARG redeclared in the stage, copied to ENV',
      'ARG APP_VERSION=1.0.0\nFROM a\nARG APP_VERSION\nENV APP_VERSION=${APP_VERSION}',
      new Map(),
      '1.0.0'
    ],
    [
      'build-args override the default',
      'ARG APP_VERSION=1.0.0\nFROM a\nARG APP_VERSION',
      new Map([['APP_VERSION', '2.0.0']]),
      '2.0.0'
    ],
    ['an ENV of its own', 'FROM a\nENV TOOL_VERSION=3.1 OTHER=x', new Map(), '3.1'],
    ['an unresolvable value is not a version', 'FROM a\nENV APP_VERSION=${NOPE}', new Map(), undefined],
    ['only a global ARG', 'ARG X_VERSION=0.9\nFROM a', new Map(), '0.9']
  ])('%s', (_what, text, buildArgs, expected) => {
    const df = parseDockerfile(text, buildArgs)
    expect(dockerfileVersion(df, finalStage(df))).toBe(expected)
  })
})

describe('substitute', () => {
  it.each([
    ['${A}', 'x'],
    ['$A/y', 'x/y'],
    ['${NOPE:-def}', 'def'],
    ['${A:+alt}', 'alt'],
    ['${NOPE:+alt}', '']
  ])('%s', (text, expected) => {
    expect(substitute(text, new Map([['A', 'x']]))).toBe(expected)
  })
})
