// Setup of the integration-containerd project (jest.config.js): see __tests__/support/variant.ts.
// Every docker command of the tests goes to the engine with the containerd image store.
const { existsSync, readFileSync } = require('node:fs')
const { join } = require('node:path')
process.env.OCI_TEST_VARIANT = 'containerd'
const file = join(__dirname, '..', '..', '.cache', 'test-env.json')
if (existsSync(file)) process.env.DOCKER_HOST = JSON.parse(readFileSync(file, 'utf8')).dockerHosts.containerd
