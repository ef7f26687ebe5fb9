// Setup of the integration-buildkit project (jest.config.js): see __tests__/support/variant.ts.
process.env.OCI_TEST_VARIANT = 'buildkit'
