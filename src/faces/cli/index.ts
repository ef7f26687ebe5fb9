#!/usr/bin/env node
import { text } from 'node:stream/consumers'
import { onInterrupt } from '../../infra/signals.js'
import { cli } from './cli.js'

// A cancelled GitLab job gets SIGTERM; a terminal's Ctrl-C is SIGINT; a closed session SIGHUP.
onInterrupt(
  signal => void process.stderr.write(`oci-pipeline: interrupted (${signal}): child processes ended\n`)
)
process.exitCode = await cli(process.argv.slice(2), process.env, {
  stdout: t => void process.stdout.write(t),
  stderr: t => void process.stderr.write(t),
  cwd: process.cwd(),
  stdin: () => text(process.stdin)
})
