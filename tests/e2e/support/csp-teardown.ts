import { cspReportFile, realViolations } from './csp-reports.ts';

export default async function teardown(): Promise<void> {
  // Browsers send reports asynchronously: give the last ones a moment to arrive.
  await new Promise((r) => setTimeout(r, 1000));
  const bad = realViolations(cspReportFile(Number(process.env.FLOWBOOK_E2E_PORT ?? 4399)));
  if (bad.length) {
    const lines = bad
      .slice(0, 20)
      .map(
        (r) =>
          `  ${r['document-uri']}: ${r['effective-directive'] ?? r['violated-directive']} blocked ${r['blocked-uri'] ?? ''} ${r['source-file'] ?? ''}:${r['line-number'] ?? ''} ${r['script-sample'] ?? ''}`,
      );
    throw new Error(`Content-Security-Policy: ${bad.length} violation report(s) during the end-to-end run:\n${lines.join('\n')}`);
  }
}
