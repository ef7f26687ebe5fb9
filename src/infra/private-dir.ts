import { lstatSync, mkdirSync } from 'node:fs'

/**
 * Makes `dir` (0700) if it is missing and says whether only this user can write in it: a folder
 * kept between runs (blobs, answers) is used only then, as anything in it is trusted afterwards.
 */
export function privateDir(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const st = lstatSync(dir)
    const uid = process.getuid?.()
    return st.isDirectory() && (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0
  } catch {
    return false
  }
}
