import { evaluateGate } from '../../../src/stages/scan/gate.js'
import {
  BUILD_TYPE,
  builderId,
  buildkitMaterials,
  provenancePredicate,
  splitBuildArgs,
  vulnPredicate,
  type ProvenanceInput
} from '../../../src/stages/sign/predicates.js'
import {
  isAbout,
  provenanceSummary,
  sbomPackages,
  signedPayloads,
  statementsOf,
  vulnSummary,
  type Statement
} from '../../../src/stages/sign/statements.js'
import { CONTEXTS } from '../../support/contexts.js'
import { scanOf, vuln } from '../scan/fixtures.js'

const DIGEST = `sha256:${'b'.repeat(64)}`
const BASE = `sha256:${'c'.repeat(64)}`
const ctx = { ...CONTEXTS.pushMain, runUrl: 'https://github.com/Example-Org/Demo-App/actions/runs/42' }

const provenanceInput: ProvenanceInput = {
  ctx,
  builderId: 'https://github.com/Example-Org/Demo-App/.github/workflows/build.yml@refs/heads/main',
  versions: { 'oci-pipeline': '0.1.0', cosign: '3.1.3', trivy: '0.69.3' },
  dockerfile: 'images/app/Dockerfile',
  context: 'images/app',
  platforms: ['linux/amd64'],
  buildArgs: [
    ['PYTHON_VERSION', '3.12'],
    ['NPM_TOKEN', 'npm_s3cret'],
    ['DB_PASSWORD', 'hunter2']
  ],
  tags: ['ghcr.io/example-org/demo-app:main'],
  base: { name: 'docker.io/library/python:3.12-slim', digest: BASE },
  materials: [
    { uri: 'pkg:docker/python@3.12-slim?platform=linux%2Famd64', digest: { sha256: 'c'.repeat(64) } }
  ],
  startedOn: new Date('2026-01-02T03:04:05Z'),
  finishedOn: new Date('2026-01-02T03:06:00Z')
}

/** A DSSE envelope line as `cosign verify-attestation` prints it. */
const envelopeLine = (s: Statement): string =>
  JSON.stringify({
    payloadType: 'application/vnd.in-toto+json',
    payload: Buffer.from(JSON.stringify(s)).toString('base64'),
    signatures: [{ sig: 'x' }]
  })
const statement = (predicateType: string, predicate: unknown, digest = DIGEST): Statement => ({
  _type: 'https://in-toto.io/Statement/v0.1',
  subject: [{ name: 'ghcr.io/example-org/demo-app', digest: { sha256: digest.slice(7) } }],
  predicateType,
  predicate
})

describe('SLSA provenance v1', () => {
  const p = provenancePredicate(provenanceInput) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

  it('names the source, the commit, the job, the base image and the materials', () => {
    expect(p.buildDefinition).toEqual({
      buildType: BUILD_TYPE,
      externalParameters: {
        source: {
          repository: 'https://github.com/Example-Org/Demo-App',
          ref: 'refs/heads/main',
          commit: ctx.sha
        },
        dockerfile: 'images/app/Dockerfile',
        context: 'images/app',
        platforms: ['linux/amd64'],
        buildArgs: { PYTHON_VERSION: '3.12' },
        tags: ['ghcr.io/example-org/demo-app:main'],
        baseImage: { name: 'docker.io/library/python:3.12-slim', digest: BASE }
      },
      internalParameters: { event: 'push', withheldBuildArgs: ['NPM_TOKEN', 'DB_PASSWORD'] },
      resolvedDependencies: [
        {
          uri: 'git+https://github.com/Example-Org/Demo-App@refs/heads/main',
          digest: { gitCommit: ctx.sha }
        },
        {
          name: 'base image',
          uri: 'oci://docker.io/library/python:3.12-slim',
          digest: { sha256: 'c'.repeat(64) }
        },
        provenanceInput.materials[0]
      ]
    })
    expect(p.runDetails).toEqual({
      builder: { id: provenanceInput.builderId, version: provenanceInput.versions },
      metadata: {
        invocationId: ctx.runUrl,
        startedOn: '2026-01-02T03:04:05.000Z',
        finishedOn: '2026-01-02T03:06:00.000Z'
      }
    })
  })

  it('never records a secret-looking build argument, only its name', () => {
    expect(JSON.stringify(p)).not.toMatch(/npm_s3cret|hunter2/)
    expect(
      splitBuildArgs([
        ['GITHUB_TOKEN', 'x'],
        ['VERSION', '1'],
        ['API_KEY', 'y']
      ])
    ).toEqual({
      recorded: { VERSION: '1' },
      withheld: ['GITHUB_TOKEN', 'API_KEY']
    })
  })

  it('reads back as what verify prints', () => {
    expect(provenanceSummary(p)).toEqual({
      repository: 'https://github.com/Example-Org/Demo-App',
      commit: ctx.sha,
      ref: 'refs/heads/main',
      builder: provenanceInput.builderId,
      baseImage: `docker.io/library/python:3.12-slim@${BASE}`
    })
    expect(provenanceSummary({ runDetails: {} })).toBeUndefined()
  })

  it.each<[string, NodeJS.ProcessEnv, string]>([
    [
      'GitHub: the workflow at its ref (the keyless identity)',
      { GITHUB_ACTIONS: 'true', GITHUB_WORKFLOW_REF: 'o/r/.github/workflows/b.yml@refs/tags/v1' },
      'https://github.com/o/r/.github/workflows/b.yml@refs/tags/v1'
    ],
    [
      'GitHub Enterprise',
      {
        GITHUB_ACTIONS: 'true',
        GITHUB_SERVER_URL: 'https://ghe.example.org',
        GITHUB_WORKFLOW_REF: 'o/r/.github/workflows/b.yml@refs/heads/main'
      },
      'https://ghe.example.org/o/r/.github/workflows/b.yml@refs/heads/main'
    ],
    [
      'GitLab: the runner',
      { CI_SERVER_URL: 'https://gitlab.com', CI_PROJECT_PATH: 'ska/app', CI_RUNNER_ID: '12' },
      'https://gitlab.com/ska/app/-/runners/12'
    ],
    ['a laptop', {}, 'urn:oci-pipeline:builder:local']
  ])('builder id on %s', (_, env, id) => {
    expect(builderId(env)).toBe(id)
  })

  it("takes BuildKit's materials from buildx's metadata, per platform, once each", () => {
    const m = { uri: 'pkg:docker/alpine@3.20?platform=linux%2Famd64', digest: { sha256: 'd'.repeat(64) } }
    const arm = { uri: 'pkg:docker/alpine@3.20?platform=linux%2Farm64', digest: { sha256: 'e'.repeat(64) } }
    expect(
      buildkitMaterials({
        'buildx.build.provenance/linux/amd64': { materials: [m, { uri: 'x', digest: {} }] },
        'buildx.build.provenance/linux/arm64': { buildDefinition: { resolvedDependencies: [arm, m] } },
        'containerimage.digest': DIGEST
      })
    ).toEqual([m, arm])
    expect(buildkitMaterials({})).toEqual([])
  })
})

describe("cosign's vuln predicate", () => {
  const scan = { ...scanOf([vuln('CVE-1', 'CRITICAL', '1.1'), vuln('CVE-2', 'LOW')]), imageId: BASE }
  const gate = evaluateGate([scan], 'none')
  const scanner = {
    name: 'trivy' as const,
    version: '0.69.3',
    dbUpdatedAt: '2026-01-01T06:00:00Z',
    startedAt: '2026-01-02T03:05:00.000Z',
    finishedAt: '2026-01-02T03:05:30.000Z'
  }
  const p = vulnPredicate({
    scan,
    gate,
    scanner,
    dbUri: 'mirror.gcr.io/aquasec/trivy-db:2',
    invocation: { uri: ctx.runUrl, eventId: '42', builderId: 'b' }
  })

  it('has the fields cosign reads, the DB date as its version, and the scan model as its result', () => {
    expect(p).toEqual({
      invocation: { parameters: null, uri: ctx.runUrl, event_id: '42', 'builder.id': 'b' },
      scanner: {
        uri: 'pkg:github/aquasecurity/trivy@v0.69.3',
        version: '0.69.3',
        db: { uri: 'mirror.gcr.io/aquasec/trivy-db:2', version: '2026-01-01T06:00:00Z' },
        result: {
          image: 'app:1',
          imageId: BASE,
          packages: 10,
          counts: { CRITICAL: 1, HIGH: 0, MEDIUM: 0, LOW: 1, UNKNOWN: 0 },
          gate: { threshold: 'none', passed: true, reasons: [] },
          vulnerabilities: [
            { id: 'CVE-1', package: 'libfoo', installed: '1.0', fixed: '1.1', severity: 'CRITICAL' },
            { id: 'CVE-2', package: 'libfoo', installed: '1.0', severity: 'LOW' }
          ]
        }
      },
      metadata: { scanStartedOn: scanner.startedAt, scanFinishedOn: scanner.finishedAt }
    })
  })

  it('reads back as what verify prints: counts and the gate at signing time', () => {
    expect(vulnSummary(p)).toEqual({
      counts: { CRITICAL: 1, HIGH: 0, MEDIUM: 0, LOW: 1, UNKNOWN: 0 },
      gatePassed: true,
      threshold: 'none',
      scanner: 'pkg:github/aquasecurity/trivy@v0.69.3',
      dbVersion: '2026-01-01T06:00:00Z',
      scannedOn: scanner.finishedAt
    })
    expect(vulnSummary({ scanner: { result: { counts: { CRITICAL: 1 } } } })).toBeUndefined()
  })
})

describe('reading what cosign verified', () => {
  it('decodes the statements of the envelopes, one a line, and tells whose they are', () => {
    const mine = statement('https://cosign.sigstore.dev/attestation/vuln/v1', {})
    const other = statement('https://cosign.sigstore.dev/attestation/vuln/v1', {}, BASE)
    const [a, b] = statementsOf(`${envelopeLine(mine)}\n${envelopeLine(other)}\n`)
    expect(a).toEqual(mine)
    expect(isAbout(a as Statement, DIGEST, mine.predicateType)).toBe(true)
    expect(isAbout(b as Statement, DIGEST, mine.predicateType)).toBe(false)
    expect(isAbout(a as Statement, DIGEST, 'https://slsa.dev/provenance/v1')).toBe(false)
  })

  it("lists each verified bundle's digest and type from cosign verify's output", () => {
    const out = JSON.stringify([
      {
        critical: { image: { 'docker-manifest-digest': DIGEST }, type: 'https://sigstore.dev/cosign/sign/v1' }
      },
      { critical: { image: { 'docker-manifest-digest': DIGEST }, type: 'https://slsa.dev/provenance/v1' } }
    ])
    expect(signedPayloads(`\n${out}\n`)).toEqual([
      { digest: DIGEST, type: 'https://sigstore.dev/cosign/sign/v1' },
      { digest: DIGEST, type: 'https://slsa.dev/provenance/v1' }
    ])
    expect(signedPayloads('')).toEqual([])
  })

  it.each<[string, unknown, number | undefined]>([
    [
      'CycloneDX: the components, the OS itself aside',
      { components: [{ type: 'operating-system' }, { type: 'library' }, { type: 'library' }] },
      2
    ],
    [
      'SPDX: the packages, the image it describes aside',
      {
        documentDescribes: ['SPDXRef-Image'],
        packages: [{ SPDXID: 'SPDXRef-Image' }, { SPDXID: 'SPDXRef-a' }]
      },
      1
    ],
    ['no list', { bomFormat: 'CycloneDX' }, undefined]
  ])('counts the SBOM packages: %s', (_, predicate, n) => {
    expect(sbomPackages(predicate)).toBe(n)
  })
})
