// Excerpts of `trivy image --help`. 0.45 is the real output of the 0.4x `dev` build the test
// environment installs; the others are rendered from the flag definitions (pkg/flag) of the tags.

export const HELP_0_35 = `Scan Flags
      --security-checks strings   comma-separated list of what security issues to detect (vuln,config,secret,license) (default [vuln,secret])
      --skip-dirs strings         specify the directories where the traversal is skipped
Vulnerability Flags
      --vuln-type string          comma-separated list of vulnerability types (os,library) (default "os,library")
DB Flags
      --db-repository string      OCI repository to retrieve trivy-db from (default "ghcr.io/aquasecurity/trivy-db")
      --skip-db-update            skip updating vulnerability database
Rego Flags
      --skip-policy-update        skip fetching rego policy updates
`

export const HELP_0_45 = `Scan Flags
      --scanners strings        comma-separated list of what security issues to detect (vuln,config,secret,license) (default [vuln,secret])
Report Flags
      --list-all-pkgs          enabling the option will output all packages regardless of vulnerability
DB Flags
      --db-repository string        OCI repository to retrieve trivy-db from (default "ghcr.io/aquasecurity/trivy-db")
      --skip-db-update              skip updating vulnerability database
Image Flags
      --image-config-scanners strings   comma-separated list of what security issues to detect on container image configurations (config,secret)
      --image-src strings               image source(s) to use, in priority order (docker,containerd,podman,remote) (default [docker,containerd,podman,remote])
      --platform string                 set platform in the form os/arch if image is multi-platform capable
Vulnerability Flags
      --vuln-type strings       comma-separated list of vulnerability types (os,library) (default [os,library])
Misconfiguration Flags
      --include-non-failures              include successes and exceptions, available with '--scanners config'
Rego Flags
      --skip-policy-update          skip fetching rego policy updates
`

export const HELP_0_52 = `Scan Flags
      --scanners strings        comma-separated list of what security issues to detect (vuln,misconfig,secret,license) (default [vuln,secret])
Report Flags
      --show-suppressed         [EXPERIMENTAL] show suppressed vulnerabilities
DB Flags
      --db-repository string        OCI repository to retrieve trivy-db from (default "ghcr.io/aquasecurity/trivy-db:2")
Image Flags
      --image-src strings               image source(s) to use, in priority order (docker,containerd,podman,remote) (default [docker,containerd,podman,remote])
Vulnerability Flags
      --vex string              [EXPERIMENTAL] file path to VEX
      --vuln-type strings       comma-separated list of vulnerability types (os,library) (default [os,library])
Rego Flags
      --skip-check-update           skip fetching rego check updates
`

export const HELP_0_58 = `Scan Flags
      --scanners strings        comma-separated list of what security issues to detect (vuln,misconfig,secret,license) (default [vuln,secret])
Report Flags
      --show-suppressed         [EXPERIMENTAL] show suppressed vulnerabilities
DB Flags
      --db-repository strings       OCI repository(ies) to retrieve trivy-db in order of priority (default [mirror.gcr.io/aquasec/trivy-db:2,ghcr.io/aquasecurity/trivy-db:2])
Image Flags
      --image-src strings               image source(s) to use, in priority order (docker,containerd,podman,remote) (default [docker,containerd,podman,remote])
Package Flags
      --pkg-types strings       list of package types (os,library) (default [os,library])
Report Flags
      --show-suppressed            [EXPERIMENTAL] show suppressed vulnerabilities
Vulnerability Flags
      --vex strings             [EXPERIMENTAL] VEX sources ("repo", "oci" or file path)
Rego Flags
      --skip-check-update           skip fetching rego check updates
`

export const HELP_0_63 = `${HELP_0_58}Global Flags:
      --skip-version-check        suppress notices about version updates and Trivy announcements
`
