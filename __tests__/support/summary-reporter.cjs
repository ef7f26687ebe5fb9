// Prints the plain closing line CI reads: "tests: N passed, N failed" (", N skipped" when any).
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests
    // A suite that fails to load counts as a failure too, so the line never reads green by omission.
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites
    const line =
      `tests: ${results.numPassedTests} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '')
    process.stdout.write(`\n${line}\n`)
  }
}
module.exports = SummaryReporter
