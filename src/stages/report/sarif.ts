import { isAbsolute, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Finding, Level } from '../../findings.js'

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'

export interface SarifRule {
  id: string
  shortDescription: { text: string }
  helpUri?: string
}

export interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: 'error' | 'warning' | 'note'
  message: { text: string }
  locations: Array<{
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string }
      region: { startLine: number; endLine?: number }
    }
  }>
}

export interface SarifLog {
  version: '2.1.0'
  $schema: string
  runs: Array<{
    tool: { driver: { name: string; version?: string; informationUri?: string; rules: SarifRule[] } }
    results: SarifResult[]
  }>
}

/** An engine that ran, so that its run is present (empty when it found nothing, closing old alerts). */
export interface SarifEngine {
  name: string
  version?: string
  informationUri?: string
  /** Short descriptions of rule IDs; a rule without one is described by its first finding. */
  titles?: ReadonlyMap<string, string>
}

const SARIF_LEVEL: Record<Level, SarifResult['level']> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  style: 'note'
}

/** A finding's file as a URI relative to the workspace (`%SRCROOT%`), or a file: URI outside it. */
export function artifactUri(file: string, workspace: string): { uri: string; uriBaseId?: string } {
  const abs = resolve(workspace, file)
  const rel = relative(workspace, abs)
  if (rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(abs).href }
  return {
    uri: rel.split(sep).join('/').split('/').map(encodeURIComponent).join('/'),
    uriBaseId: '%SRCROOT%'
  }
}

/** SARIF 2.1.0, one run per engine, for code scanning and other SARIF readers. */
export function toSarif(
  findings: readonly Finding[],
  engines: readonly SarifEngine[],
  workspace: string
): SarifLog {
  return {
    version: '2.1.0',
    $schema: SARIF_SCHEMA,
    runs: engines.map(engine => {
      const own = findings.filter(f => f.engine === engine.name)
      const rules: SarifRule[] = []
      const index = new Map<string, number>()
      for (const f of own) {
        if (index.has(f.ruleId)) continue
        index.set(f.ruleId, rules.length)
        rules.push({
          id: f.ruleId,
          shortDescription: { text: engine.titles?.get(f.ruleId) ?? f.message },
          ...(f.helpUri ? { helpUri: f.helpUri } : {})
        })
      }
      return {
        tool: {
          driver: {
            name: engine.name,
            ...(engine.version ? { version: engine.version } : {}),
            ...(engine.informationUri ? { informationUri: engine.informationUri } : {}),
            rules
          }
        },
        results: own.map(f => ({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId) as number,
          level: SARIF_LEVEL[f.level],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactUri(f.file, workspace),
                region: {
                  startLine: f.line,
                  ...(f.endLine && f.endLine > f.line ? { endLine: f.endLine } : {})
                }
              }
            }
          ]
        }))
      }
    })
  }
}
