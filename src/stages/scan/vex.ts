import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { InputError } from '../../errors.js'

/** The VEX files as Trivy reads them, and for each the file the user gave (for the summary). */
export interface PreparedVex {
  files: string[]
  givenAs: Map<string, string>
}

interface CycloneDxVulnerability {
  id?: string
  analysis?: { state?: string; justification?: string; detail?: string }
  affects?: Array<{ ref?: string }>
}

const STATUS: Record<string, string> = {
  not_affected: 'not_affected',
  false_positive: 'not_affected',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation'
}

const JUSTIFICATION: Record<string, string> = {
  code_not_present: 'vulnerable_code_not_present',
  code_not_reachable: 'vulnerable_code_not_in_execute_path',
  protected_by_compiler: 'inline_mitigations_already_exist',
  protected_at_runtime: 'inline_mitigations_already_exist',
  protected_at_perimeter: 'inline_mitigations_already_exist',
  protected_by_mitigating_control: 'inline_mitigations_already_exist'
}

/** A package URL: the ref itself, or the part after `#` of a BOM-link (`urn:cdx:<serial>/1#pkg:…`). */
function purlOf(ref: string | undefined): string | undefined {
  const last = ref?.slice(ref.indexOf('#') + 1)
  return last?.startsWith('pkg:') ? last : undefined
}

/**
 * A CycloneDX VEX as OpenVEX. Trivy applies CycloneDX VEX only when it scans a CycloneDX SBOM
 * (for an image, 0.69 refuses it: "CycloneDX VEX can be used with CycloneDX SBOM"), while it
 * matches OpenVEX products to the image's packages by package URL. Statements about a bom-ref
 * that is no package URL are left out, and counted.
 */
export function cycloneDxToOpenVex(doc: { vulnerabilities?: CycloneDxVulnerability[] }, id: string) {
  let skipped = 0
  const statements = []
  for (const v of doc.vulnerabilities ?? []) {
    const status = STATUS[v.analysis?.state ?? '']
    const products = (v.affects ?? []).map(a => purlOf(a.ref)).filter((p): p is string => !!p)
    if (!v.id || !status || products.length === 0) {
      skipped++
      continue
    }
    const justification = JUSTIFICATION[v.analysis?.justification ?? '']
    const said = v.analysis?.detail || v.analysis?.justification || v.analysis?.state
    statements.push({
      vulnerability: { name: v.id },
      products: products.map(p => ({ '@id': p })),
      status,
      ...(status === 'not_affected' && justification ? { justification } : {}),
      ...(status === 'not_affected' && said ? { impact_statement: said } : {})
    })
  }
  const document = {
    '@context': 'https://openvex.dev/ns/v0.2.0',
    '@id': id,
    author: 'oci-pipeline (from a CycloneDX VEX)',
    timestamp: new Date(0).toISOString(),
    version: 1,
    statements
  }
  return { document, skipped }
}

function readJson(file: string): Record<string, unknown> {
  if (!existsSync(file)) throw new InputError('vex', `${file} does not exist`)
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  } catch (e) {
    throw new InputError('vex', `${file} is not JSON: ${(e as Error).message}`)
  }
}

/**
 * The `vex` files made ready for `trivy image --vex`: OpenVEX and CSAF as they are, CycloneDX VEX
 * rewritten as OpenVEX into `dir` (the same bytes each time, so a scan started early matches).
 * Trivy's `repo` and `oci` sources are not taken: they download at scan time.
 */
export function prepareVex(given: readonly string[], dir: string, warn: (m: string) => void): PreparedVex {
  const files: string[] = []
  const givenAs = new Map<string, string>()
  given.forEach((file, i) => {
    const doc = readJson(file)
    const context = String(doc['@context'] ?? '')
    if (context.includes('openvex') || (doc.document as { category?: string } | undefined)?.category) {
      files.push(file)
      givenAs.set(file, file)
    } else if (doc.bomFormat === 'CycloneDX') {
      const { document, skipped } = cycloneDxToOpenVex(doc, `urn:oci-pipeline:vex:${basename(file)}`)
      if (skipped)
        warn(
          `vex: ${skipped} statement(s) of ${file} name no package URL or no known state, so they are left out`
        )
      const out = join(dir, `vex-${i + 1}.openvex.json`)
      writeFileSync(out, JSON.stringify(document, null, 2) + '\n')
      files.push(out)
      givenAs.set(out, file)
    } else throw new InputError('vex', `${file} is neither OpenVEX, CycloneDX VEX nor CSAF VEX`)
  })
  return { files, givenAs }
}
