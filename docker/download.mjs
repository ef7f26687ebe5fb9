// Downloads one release file for the tool image's build (the Node slim base has no curl or wget):
//   node download.mjs <url> <file>
// It only fetches, following redirects and retrying twice; the Dockerfile checks every file against
// its pinned SHA-256 with `sha256sum -c` before anything uses it.
import { writeFile } from 'node:fs/promises'

const [url, file] = process.argv.slice(2)
if (!url || !file) {
  console.error('usage: node download.mjs <url> <file>')
  process.exit(2)
}

for (let attempt = 1; ; attempt++) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(300_000) })
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`)
    const body = Buffer.from(await response.arrayBuffer())
    await writeFile(file, body)
    console.log(`${url}: ${body.length} bytes`)
    break
  } catch (e) {
    const why = e instanceof Error ? `${e.message}${e.cause ? ` (${e.cause.message ?? e.cause})` : ''}` : e
    console.error(`${url}: ${why}, attempt ${attempt} of 3`)
    if (attempt === 3) process.exit(1)
    await new Promise(resolve => setTimeout(resolve, attempt * 2000))
  }
}
