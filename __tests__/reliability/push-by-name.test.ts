import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pushLoaded } from '../../src/stages/push/push.js'
import { RecordingReporter } from '../support/scan-fixtures.js'
import { FakeDocker } from './support/fake-docker.js'

// On a daemon other jobs share (a self-hosted runner, a GitLab shell executor), a tag in the local
// image store can be moved to another image between the scan and `docker push <tag>`: the push
// would then publish an image the gate never saw. Each name is pointed again at the scanned image,
// by its ID, just before its push, and the registry is read back after it.

const IMAGE_ID = `sha256:${'0'.repeat(63)}1`

describe('pushing a loaded image by name', () => {
  it('points every tag at the scanned image ID right before pushing it, then reads the registry back', async () => {
    const docker = new FakeDocker()
    const env = {
      PATH: docker.path(),
      HOME: mkdtempSync(join(tmpdir(), 'oci-push-home-')),
      DOCKER_CONFIG: mkdtempSync(join(tmpdir(), 'oci-push-config-'))
    }
    const tags = ['127.0.0.1:9/team/app:1.2.3', '127.0.0.1:9/team/app:latest']
    await pushLoaded(tags, IMAGE_ID, new RecordingReporter(), env)
    const calls = docker.calls().map(c => c.replace(/^DOCKER_CONFIG=\S* /, ''))
    expect(calls).toEqual([
      `tag ${IMAGE_ID} ${tags[0]}`,
      `push ${tags[0]}`,
      `buildx imagetools inspect --raw ${tags[0]}`,
      `tag ${IMAGE_ID} ${tags[1]}`,
      `push ${tags[1]}`,
      `buildx imagetools inspect --raw ${tags[1]}`
    ])
  })
})
