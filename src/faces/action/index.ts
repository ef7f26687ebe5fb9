// The action's entry: Node keeps the compiled bundle on disk (its compile cache, Node 22.1+), so
// later runs on the same machine skip compiling two megabytes of JavaScript before the first tool
// starts. The bundle proper is loaded after that, as a chunk of its own.
import module from 'node:module'

// Typed by hand: the Node types here are 20's, which has no compile cache (it then does nothing).
;(module as { enableCompileCache?: () => unknown }).enableCompileCache?.()
await import('./main.js')
