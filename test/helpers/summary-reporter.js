'use strict';
// Jest reporter: writes the run's totals to .jest-results.json so .ci/run can print a plain
// "N passed, N failed" line (CI does not read Jest's own summary), and names every suite that
// skipped tests, with the reason its skipped block gives (e.g. no PostgreSQL): Jest's default
// reporter prints nothing at all for a file whose tests were all skipped.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  /** [file, count, reasons] for each test file with skipped tests; a reason is the outermost block's title. */
  skippedSuites(results) {
    return results.testResults
      .filter((file) => file.numPendingTests > 0)
      .map((file) => {
        const pending = file.testResults.filter((test) => test.status === 'pending');
        const reasons = [...new Set(pending.map((test) => test.ancestorTitles[0] || test.title))];
        return { file: path.relative(this.rootDir, file.testFilePath), skipped: file.numPendingTests, reasons };
      });
  }

  onRunComplete(_contexts, results) {
    const skippedSuites = this.skippedSuites(results);
    const summary = {
      numPassedTests: results.numPassedTests,
      numFailedTests: results.numFailedTests,
      numPendingTests: results.numPendingTests,
      numFailedTestSuites: results.numFailedTestSuites,
      numRuntimeErrorTestSuites: results.numRuntimeErrorTestSuites,
      numTotalTestSuites: results.numTotalTestSuites,
      success: results.success,
      skippedSuites,
    };
    fs.writeFileSync(path.join(this.rootDir, '.jest-results.json'), JSON.stringify(summary, null, 2));
    if (skippedSuites.length > 0) {
      const lines = skippedSuites.map((s) => `  ${s.file} (${s.skipped} skipped): ${s.reasons.join(' | ')}`);
      process.stderr.write(`\n!! SKIPPED TESTS in ${skippedSuites.length} suite(s):\n${lines.join('\n')}\n\n`);
    }
  }
}

module.exports = SummaryReporter;
