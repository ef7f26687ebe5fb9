#!/usr/bin/env node
import { killChildren } from '../../infra/process.js'
import { cli } from './cli.js'

process.once('SIGTERM', () => {
  killChildren()
  process.stderr.write('oci-pipeline: interrupted (SIGTERM): child processes ended\n')
  process.exit(143)
})
process.exitCode = await cli(process.argv.slice(2), process.env, {
  stdout: t => void process.stdout.write(t),
  stderr: t => void process.stderr.write(t),
  cwd: process.cwd()
})
