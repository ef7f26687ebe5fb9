import { readFile, writeFile } from 'node:fs/promises'
import { BESIDE_BUILD_NICE, type RunResult } from '../../infra/process.js'
import type { Trivy } from './trivy.js'
import type { ConvertFormat } from './trivy-flags.js'
import type { ScanOptions } from './options.js'

/** Writes one report from the scan's JSON. */
export type Convert = (json: string, output: string) => Promise<void>

/**
 * The conversions of one image's scan, in the order scanImage runs them. GitLab's report is not
 * one: it is written from the scan's model, as the table is.
 */
export function conversionsFor(options: Pick<ScanOptions, 'sbomFormats'>): ConvertFormat[] {
  return [
    'sarif',
    ...(options.sbomFormats.includes('cyclonedx') ? (['cyclonedx'] as const) : []),
    ...(options.sbomFormats.includes('spdx-json') ? (['spdx-json'] as const) : [])
  ]
}

interface Waiting {
  format: ConvertFormat
  feed: (json: Buffer) => void
  cancel: () => void
  result: Promise<RunResult>
}

/**
 * `trivy convert`s started before the scan, one per report of the first image. A Trivy start
 * costs about a second of CPU before it reads anything (it compiles its built-in checks), and a
 * converter started beside the build has paid it by the time the scan has written its JSON: it
 * then reads the JSON from a named pipe and prints the report. They run at a lower priority, so
 * they take CPU the build, lint and scan leave idle. `close` ends those never used.
 */
export class Converters {
  private readonly waiting: Waiting[]

  private constructor(waiting: Waiting[]) {
    this.waiting = waiting
  }

  /** Where a pipe cannot be made (no `mkfifo`), none is started and each report is converted as before. */
  static start(trivy: Trivy, formats: readonly ConvertFormat[]): Converters {
    const started = new Converters([])
    try {
      for (const format of formats) {
        let feed!: (json: Buffer) => void
        let cancel!: () => void
        const json = new Promise<Buffer>((resolve, reject) => {
          feed = resolve
          cancel = () => reject(new Error('not needed'))
        })
        const result = trivy.convertLater(json, format, BESIDE_BUILD_NICE)
        result.catch(() => undefined) // awaited when used; an unused one is ended by close()
        started.waiting.push({ format, feed, cancel, result })
      }
    } catch {
      started.close()
    }
    return started
  }

  /** The waiting converter for this report, taken (each converts one JSON), if there is one. */
  take(format: ConvertFormat): Convert | undefined {
    const i = this.waiting.findIndex(w => w.format === format)
    if (i < 0) return undefined
    const [w] = this.waiting.splice(i, 1)
    return async (json, output) => {
      const data = await readFile(json).catch((e: unknown) => {
        w!.cancel()
        throw e
      })
      w!.feed(data)
      await writeFile(output, (await w!.result).stdout)
    }
  }

  /** Ends the converters never taken. */
  close(): void {
    for (const w of this.waiting.splice(0)) w.cancel()
  }
}
