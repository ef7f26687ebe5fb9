/**
 * Every input of the pipeline with its default, the one list that action.yml, the README table and
 * the CLI must agree with (tests check action.yml and the README against it).
 * Defaults written `${{ … }}` are GitHub expressions; elsewhere they read as empty.
 */
export interface InputSpec {
  name: string
  default: string
  description: string
}

export const INPUTS: readonly InputSpec[] = [
  // metadata (docker/metadata-action names)
  {
    name: 'images',
    default: '',
    description:
      'Image names, one per line or comma-separated (`name=…,enable=…` lines too). Empty: `ghcr.io/<owner>/<repo>`. GHCR names are lowercased.'
  },
  {
    name: 'tags',
    default: '',
    description:
      'Tag rules as in docker/metadata-action (`type=semver,pattern=…`, `type=ref,event=branch|tag|pr`, `type=sha`, `type=raw,value=…`, `type=schedule`, `type=edge`, `type=match`; `enable=`, `prefix=`, `suffix=`, `priority=`). Empty: its defaults.'
  },
  {
    name: 'flavor',
    default: '',
    description:
      'Tag flavor: `latest=auto|true|false`, `prefix=…[,onlatest=true]`, `suffix=…[,onlatest=true]`.'
  },
  {
    name: 'labels',
    default: '',
    description: 'Extra labels, `key=value` per line; they override generated ones.'
  },
  {
    name: 'label-schema',
    default: 'oci',
    description: 'Label sets: `oci` (always on) and `skao` (adds `int.skao.image.*`).'
  },
  {
    name: 'team',
    default: '',
    description: 'Team for `int.skao.image.team` (else a Dockerfile `LABEL int.skao.image.team=…`).'
  },
  // build (docker/build-push-action names)
  { name: 'context', default: '.', description: 'Build context, a path inside the workspace.' },
  { name: 'file', default: '', description: 'Dockerfile path. Empty: `<context>/Dockerfile`.' },
  { name: 'target', default: '', description: 'Stage to build.' },
  { name: 'build-args', default: '', description: 'Build arguments, `KEY=value` per line.' },
  {
    name: 'secrets',
    default: '',
    description:
      'Build secrets, `id=value` per line; passed to BuildKit as secret files, never as build args.'
  },
  {
    name: 'platforms',
    default: '',
    description:
      'Target platforms, `os/arch[/variant]`, comma-separated. Several need a builder other than the docker driver.'
  },
  {
    name: 'cache-from',
    default: '',
    description: 'External cache sources (`type=registry,ref=…`, `type=gha`, …), one per line.'
  },
  { name: 'cache-to', default: '', description: 'Cache export destinations, one per line.' },
  { name: 'no-cache', default: 'false', description: 'Build without the layer cache.' },
  { name: 'pull', default: 'false', description: 'Always pull newer versions of the base images.' },
  {
    name: 'push',
    default: '',
    description: 'Push the image. Empty: true, except on pull requests from forks (built, not pushed).'
  },
  {
    name: 'load',
    default: 'false',
    description: 'Keep the built image in the local Docker image store (single platform only).'
  },
  { name: 'builder', default: '', description: 'Buildx builder instance. Empty: the current one.' },
  {
    name: 'provenance',
    default: '',
    description:
      'Provenance attestation (`mode=min|max`, `false`); passed only where the builder supports it.'
  },
  // registry
  { name: 'registry', default: '', description: "Registry to log in to. Empty: the first image's registry." },
  { name: 'username', default: '${{ github.actor }}', description: 'Registry user name.' },
  {
    name: 'password',
    default: '',
    description:
      'Registry password or token. Empty on GHCR: `github-token`. Sent with `--password-stdin`, masked.'
  },
  {
    name: 'github-token',
    default: '${{ github.token }}',
    description: 'GitHub token: GHCR login, repository metadata.'
  },
  { name: 'summary', default: 'true', description: 'Write the job summary.' }
]

export const OUTPUTS: readonly InputSpec[] = [
  { name: 'imageid', default: '', description: 'Image ID (config digest) of the built image.' },
  { name: 'digest', default: '', description: 'Manifest digest in the registry, read back after the push.' },
  { name: 'image', default: '', description: 'First image name with its digest (`name@sha256:…`).' },
  { name: 'tags', default: '', description: 'Full image references, one per line.' },
  { name: 'labels', default: '', description: 'Labels set on the image, `key=value` per line.' },
  { name: 'version', default: '', description: 'The image version.' },
  {
    name: 'metadata',
    default: '',
    description: 'Build result as JSON (buildx metadata, tags, labels, digest, pushed).'
  }
]

export type RawInputs = (name: string) => string
