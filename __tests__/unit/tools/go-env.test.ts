import { shortRunEnv } from '../../../src/infra/tools/go-env.js'

describe('shortRunEnv', () => {
  it.each([
    [
      'no Go settings: no collection below 1 GiB',
      { PATH: '/bin' },
      { PATH: '/bin', GOGC: 'off', GOMEMLIMIT: '1GiB' }
    ],
    ['the user’s GOGC is kept, and no limit added', { GOGC: '50' }, { GOGC: '50' }],
    ['the user’s GOMEMLIMIT is kept, and GOGC left alone', { GOMEMLIMIT: '300MiB' }, { GOMEMLIMIT: '300MiB' }]
  ])('%s', (_, env, expected) => {
    expect(shortRunEnv(env)).toEqual(expected)
  })
})
