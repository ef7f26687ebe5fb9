import type { RunContext } from '../../context.js'
import { looksSecret } from '../lint/checklist/secret-rules.js'
import type { GateVerdict } from '../scan/gate.js'
import type { ScannerInfo } from '../scan/index.js'
import type { ImageScan } from '../scan/model.js'

/** The predicate types as cosign names them (`--type cyclonedx|spdxjson|vuln|slsaprovenance1`). */
export const PREDICATE_TYPES = {
  cyclonedx: 'https://cyclonedx.org/bom',
  spdxjson: 'https://spdx.dev/Document',
  vuln: 'https://cosign.sigstore.dev/attestation/vuln/v1',
  slsaprovenance1: 'https://slsa.dev/provenance/v1'
} as const
export type CosignPredicateType = keyof typeof PREDICATE_TYPES

/** What `cosign sign` signs in its bundle format: an in-toto statement of this type. */
export const SIGNATURE_PREDICATE_TYPE = 'https://sigstore.dev/cosign/sign/v1'

/**
 * The provenance's build type: what its parameters mean is documented in docs/signing.md
 * ("Provenance"). A URN, as it names a format rather than a place.
 */
export const BUILD_TYPE = 'urn:oci-pipeline:buildtype:container-image:v1'

/** SLSA's and in-toto's ResourceDescriptor, as far as provenance uses it. */
export interface ResourceDescriptor {
  uri?: string
  name?: string
  digest: Record<string, string>
}

export interface ProvenanceInput {
  ctx: RunContext
  /** Who ran the build: the CI job's identity (see builderId). */
  builderId: string
  /** Versions of what built, scanned and signed (`oci-pipeline`, `trivy`, `buildx` …). */
  versions: Record<string, string>
  dockerfile: string
  context: string
  target?: string
  platforms: readonly string[]
  buildArgs: ReadonlyArray<readonly [string, string]>
  tags: readonly string[]
  base?: { name: string; digest?: string }
  /** What the builder itself recorded it read (BuildKit's provenance in buildx's metadata). */
  materials: readonly ResourceDescriptor[]
  startedOn: Date
  finishedOn: Date
}

/** The CI job as a builder: the workflow file at its ref on GitHub (the keyless identity too), the runner on GitLab. */
export function builderId(env: NodeJS.ProcessEnv): string {
  const github = env.GITHUB_SERVER_URL || 'https://github.com'
  if (env.GITHUB_ACTIONS === 'true' && env.GITHUB_WORKFLOW_REF) return `${github}/${env.GITHUB_WORKFLOW_REF}`
  if (env.GITHUB_ACTIONS === 'true' && env.GITHUB_REPOSITORY)
    return `${github}/${env.GITHUB_REPOSITORY}/actions/workflows`
  if (env.CI_SERVER_URL && env.CI_PROJECT_PATH)
    return `${env.CI_SERVER_URL}/${env.CI_PROJECT_PATH}/-/runners/${env.CI_RUNNER_ID ?? 'unknown'}`
  return 'urn:oci-pipeline:builder:local'
}

/** `sha256:<hex>` as a DigestSet. */
export function digestSet(digest: string): Record<string, string> {
  const [algo, hex] = digest.split(':')
  return { [algo ?? 'sha256']: hex ?? '' }
}

/** Build arguments split into those recorded and the names of those that look like secrets. */
export function splitBuildArgs(args: ReadonlyArray<readonly [string, string]>): {
  recorded: Record<string, string>
  withheld: string[]
} {
  const recorded: Record<string, string> = {}
  const withheld: string[] = []
  for (const [k, v] of args)
    if (looksSecret(k)) withheld.push(k)
    else recorded[k] = v
  return { recorded, withheld }
}

/**
 * BuildKit's own record of what it read (base images and other sources, with digests), from the
 * metadata file buildx writes: SLSA v0.2 `materials` or v1 `resolvedDependencies`, per platform.
 */
export function buildkitMaterials(metadata: Readonly<Record<string, unknown>>): ResourceDescriptor[] {
  const out = new Map<string, ResourceDescriptor>()
  for (const [key, value] of Object.entries(metadata)) {
    if (!key.startsWith('buildx.build.provenance') || !value || typeof value !== 'object') continue
    const p = value as {
      materials?: ResourceDescriptor[]
      buildDefinition?: { resolvedDependencies?: ResourceDescriptor[] }
    }
    for (const m of [...(p.materials ?? []), ...(p.buildDefinition?.resolvedDependencies ?? [])])
      if (m.uri && m.digest && Object.keys(m.digest).length)
        out.set(`${m.uri} ${JSON.stringify(m.digest)}`, { uri: m.uri, digest: m.digest })
  }
  return [...out.values()]
}

/** SLSA provenance v1: what was built, from which source and commit, by which job, from which bases. */
export function provenancePredicate(p: ProvenanceInput): Record<string, unknown> {
  const { recorded, withheld } = splitBuildArgs(p.buildArgs)
  const source: ResourceDescriptor[] = p.ctx.sha
    ? [{ uri: `git+${p.ctx.repo.url}${p.ctx.ref ? `@${p.ctx.ref}` : ''}`, digest: { gitCommit: p.ctx.sha } }]
    : []
  const base: ResourceDescriptor[] = p.base?.digest
    ? [{ name: 'base image', uri: `oci://${p.base.name}`, digest: digestSet(p.base.digest) }]
    : []
  return {
    buildDefinition: {
      buildType: BUILD_TYPE,
      externalParameters: {
        source: { repository: p.ctx.repo.url, ref: p.ctx.ref, commit: p.ctx.sha },
        dockerfile: p.dockerfile,
        context: p.context,
        ...(p.target ? { target: p.target } : {}),
        ...(p.platforms.length ? { platforms: [...p.platforms] } : {}),
        buildArgs: recorded,
        tags: [...p.tags],
        ...(p.base
          ? { baseImage: { name: p.base.name, ...(p.base.digest ? { digest: p.base.digest } : {}) } }
          : {})
      },
      internalParameters: {
        event: p.ctx.eventName,
        ...(withheld.length ? { withheldBuildArgs: withheld } : {})
      },
      resolvedDependencies: [...source, ...base, ...p.materials]
    },
    runDetails: {
      builder: { id: p.builderId, version: p.versions },
      metadata: {
        ...(p.ctx.runUrl ? { invocationId: p.ctx.runUrl } : {}),
        startedOn: p.startedOn.toISOString(),
        finishedOn: p.finishedOn.toISOString()
      }
    }
  }
}

export interface VulnInput {
  scan: ImageScan
  gate: GateVerdict
  scanner?: ScannerInfo
  /** Where the DB came from, when known (Trivy's DB repository). */
  dbUri?: string
  invocation: { uri: string; eventId: string; builderId: string }
}

/**
 * cosign's `vuln` predicate, from the scan model the gate judged: the counts, the gate's verdict at
 * that time, and every vulnerability; the DB's build date as its version.
 */
export function vulnPredicate(v: VulnInput): Record<string, unknown> {
  const s = v.scanner
  return {
    invocation: {
      parameters: null,
      uri: v.invocation.uri,
      event_id: v.invocation.eventId,
      'builder.id': v.invocation.builderId
    },
    scanner: {
      uri: `pkg:github/aquasecurity/trivy${s ? `@v${s.version}` : ''}`,
      version: s?.version ?? '',
      db: { uri: v.dbUri ?? '', version: s?.dbUpdatedAt ?? '' },
      result: {
        image: v.scan.image,
        ...(v.scan.platform ? { platform: v.scan.platform } : {}),
        ...(v.scan.imageId ? { imageId: v.scan.imageId } : {}),
        packages: v.scan.packages,
        counts: v.scan.counts,
        gate: {
          threshold: v.gate.threshold,
          passed: !v.gate.failed,
          reasons: v.gate.reasons
        },
        vulnerabilities: v.scan.vulnerabilities.map(x => ({
          id: x.id,
          package: x.pkg,
          installed: x.installed,
          ...(x.fixed ? { fixed: x.fixed } : {}),
          severity: x.severity,
          ...(x.status ? { status: x.status } : {})
        }))
      }
    },
    metadata: {
      scanStartedOn: s?.startedAt ?? new Date(0).toISOString(),
      scanFinishedOn: s?.finishedAt ?? new Date(0).toISOString()
    }
  }
}
