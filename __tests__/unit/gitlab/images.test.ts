import { projectDirPath, skaoImagePlan, type WorkspaceView } from '../../../src/faces/gitlab/images.js'

/** A workspace holding exactly these files (their directories exist too). */
function workspace(...files: string[]): WorkspaceView {
  const dirs = new Set(
    files.flatMap(f =>
      f
        .split('/')
        .slice(0, -1)
        .map((_, i, a) => a.slice(0, i + 1).join('/'))
    )
  )
  return {
    exists: p => files.includes(p) || dirs.has(p),
    directories: p =>
      [...dirs]
        .filter(d => d.startsWith(`${p}/`) && !d.slice(p.length + 1).includes('/'))
        .map(d => d.slice(p.length + 1))
  }
}

const twoImages = workspace(
  'images/base/Dockerfile',
  'images/app/Dockerfile',
  'images/app/.release',
  'images/docs/README.md'
)

describe('SKAO’s images: which, in which order, from where', () => {
  it.each<[string, Record<string, string>, WorkspaceView, string, string[], Array<Record<string, string>>]>([
    [
      'images/* discovered by name when OCI_IMAGES is empty (a directory without a Dockerfile is no image)',
      {},
      twoImages,
      'OCI_IMAGE_ROOT_DIR',
      ['app', 'base'],
      [
        {
          name: 'app',
          file: 'images/app/Dockerfile',
          context: 'images/app',
          releaseFile: 'images/app/.release'
        },
        { name: 'base', file: 'images/base/Dockerfile', context: 'images/base' }
      ]
    ],
    [
      'OCI_IMAGES in the order given',
      { OCI_IMAGES: 'base app' },
      twoImages,
      'OCI_IMAGES',
      ['base', 'app'],
      [
        { name: 'base', file: 'images/base/Dockerfile', context: 'images/base' },
        {
          name: 'app',
          file: 'images/app/Dockerfile',
          context: 'images/app',
          releaseFile: 'images/app/.release'
        }
      ]
    ],
    [
      'a Dockerfile at the top: the project’s one image, the whole project its context',
      {},
      workspace('Dockerfile', 'images/base/Dockerfile'),
      'Dockerfile',
      ['ska-demo'],
      [{ name: 'ska-demo' }]
    ],
    [
      'OCI_IMAGE: that one image',
      { OCI_IMAGE: 'base' },
      twoImages,
      'OCI_IMAGE',
      ['base'],
      [{ name: 'base', file: 'images/base/Dockerfile', context: 'images/base' }]
    ],
    [
      'OCI_IMAGE_ROOT_DIR, OCI_IMAGE_FILE_PATH and a context relative to the image',
      {
        OCI_IMAGE_ROOT_DIR: 'containers/',
        OCI_IMAGE_FILE_PATH: 'Containerfile',
        OCI_IMAGE_BUILD_CONTEXT: '../..'
      },
      workspace('containers/tool/Containerfile'),
      'OCI_IMAGE_ROOT_DIR',
      ['tool'],
      [{ name: 'tool', file: 'containers/tool/Containerfile', context: '.' }]
    ],
    [
      '$(PWD) as the context: the project',
      { OCI_IMAGE_BUILD_CONTEXT: '$(PWD)' },
      twoImages,
      'OCI_IMAGE_ROOT_DIR',
      ['app', 'base'],
      [
        { name: 'app', file: 'images/app/Dockerfile', context: '.', releaseFile: 'images/app/.release' },
        { name: 'base', file: 'images/base/Dockerfile', context: '.' }
      ]
    ],
    [
      'nothing at all: the project’s name, default paths',
      {},
      workspace(),
      'project',
      ['ska-demo'],
      [{ name: 'ska-demo' }]
    ]
  ])('%s', (_, env, ws, from, names, images) => {
    const plan = skaoImagePlan(env, ws, 'ska-demo')
    expect(plan.from).toBe(from)
    expect(plan.images.map(i => i.name)).toEqual(names)
    expect(plan.images).toEqual(images)
    expect(plan.publish).toEqual(names)
  })

  it.each<[Record<string, string>, string[]]>([
    [{ OCI_IMAGES_TO_PUBLISH: 'app' }, ['app']],
    [{ OCI_IMAGES_TO_PUBLISH: 'app,base' }, ['base', 'app']],
    [{ OCI_IMAGES_TO_PUBLISH: '' }, []]
  ])('OCI_IMAGES_TO_PUBLISH %j publishes %j, in build order', (env, publish) => {
    expect(skaoImagePlan({ OCI_IMAGES: 'base app', ...env }, twoImages, 'ska-demo').publish).toEqual(publish)
  })

  it.each<[Record<string, string>, RegExp]>([
    [{ OCI_IMAGES: 'base Base' }, /Input "OCI_IMAGES": "Base" is not an image name/],
    [{ OCI_IMAGES: 'base base' }, /Input "OCI_IMAGES": "base" is named twice/],
    [
      { OCI_IMAGES: 'base web' },
      /Input "OCI_IMAGES": image "web" has no images\/web\/Dockerfile, and there is no Dockerfile at the top/
    ],
    [
      { OCI_IMAGES: 'base app', OCI_IMAGES_TO_PUBLISH: 'web' },
      /Input "OCI_IMAGES_TO_PUBLISH": "web" is not one of the images built here \(base, app\)/
    ]
  ])('refuses %j', (env, message) => {
    expect(() => skaoImagePlan(env, twoImages, 'ska-demo')).toThrow(message)
  })

  it.each<[string, string | undefined]>([
    ['$(PWD)', '.'],
    ['$(PWD)/', '.'],
    ['${PWD}/images/app', 'images/app'],
    ['$PWD/src', 'src'],
    ['$(CURDIR)/a/../b', 'b'],
    ['$PWDX', undefined],
    ['.', undefined],
    ['/builds/x', undefined]
  ])('%s is the project directory%s', (text, path) => {
    expect(projectDirPath(text)).toBe(path)
  })
})
