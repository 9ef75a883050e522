/** Prints why each skipped test was skipped, so a skip is never silent in CI output. */
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonReporter implements Reporter {
  private readonly skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
    this.skipped.push(`  skipped: ${test.titlePath().filter(Boolean).join(' › ')}\n    why: ${reason}`);
  }

  onEnd(): void {
    if (this.skipped.length) process.stdout.write(`\n${this.skipped.join("\n")}\n\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
