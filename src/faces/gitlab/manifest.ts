import { createHash } from 'node:crypto'
import { InputError } from '../../errors.js'
import { isDigest } from '../../stages/metadata/reference.js'

/**
 * What the build job of a project with several images hands to its publish job: one file, kept
 * as an artifact, whose SHA-256 travels in the build job's dotenv report. GitLab sets a dotenv
 * variable only from the report the build job uploaded, so a file with another digest (one
 * committed to the repository, or changed on the way) is refused rather than published.
 */
export const IMAGES_MANIFEST = 'oci-images.json'

export interface BuiltImageRecord {
  name: string
  /** The staging repository, e.g. registry.example.org/group/project/name. */
  repository: string
  version: string
  /** Tags pushed to the staging repository (names only). */
  tags: string[]
  /** The pushed digest; absent when nothing was pushed. */
  digest?: string
  /** The digest the scan's gate passed, the only one publish takes. */
  scannedDigest?: string
}

export interface ImagesManifest {
  images: BuiltImageRecord[]
}

export const manifestText = (m: ImagesManifest): string => JSON.stringify(m, null, 2) + '\n'
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

const VARIABLE = 'OCI_IMAGES_MANIFEST_SHA256'

/** Reads the build job's manifest, refusing one whose digest is not the one the dotenv report gave. */
export function readImagesManifest(text: string | undefined, expected: string | undefined): ImagesManifest {
  if (!expected)
    throw new InputError(
      VARIABLE,
      'is empty: publish takes the images the build job built and scanned, from its dotenv report (was the build job skipped, or its artifacts not passed on?)'
    )
  if (text === undefined)
    throw new InputError(
      VARIABLE,
      `is set, but the build job's ${IMAGES_MANIFEST} is not in the report directory`
    )
  const actual = sha256(text)
  if (actual !== expected.trim().toLowerCase())
    throw new InputError(
      VARIABLE,
      `${IMAGES_MANIFEST} has SHA-256 ${actual}, not the ${expected.trim()} the build job reported: refusing to publish from it`
    )
  const parsed = JSON.parse(text) as ImagesManifest
  for (const i of parsed.images ?? [])
    for (const d of [i.digest, i.scannedDigest])
      if (d !== undefined && !isDigest(d))
        throw new InputError(VARIABLE, `${IMAGES_MANIFEST}: "${d}" for ${i.name} is not a sha256 digest`)
  return { images: parsed.images ?? [] }
}
