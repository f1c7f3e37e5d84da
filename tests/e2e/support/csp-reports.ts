/**
 * Content-Security-Policy violation reports of an end-to-end run: the test server (serve-dist.mjs)
 * appends each report the browser sends to a file; the run's global teardown fails when any is
 * there, so every spec, not only csp.spec.ts, fails the suite on a violation.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Marks a violation that a test causes on purpose (to show reports arrive); it is not counted. */
export const SELF_TEST_MARKER = 'flowbook-csp-self-test';

export function cspReportFile(port: number): string {
  return join(tmpdir(), `flowbook-csp-reports-${port}.ndjson`);
}

export function clearReports(file: string): void {
  rmSync(file, { force: true });
}

export interface CspReport {
  'document-uri'?: string;
  'violated-directive'?: string;
  'effective-directive'?: string;
  'blocked-uri'?: string;
  'script-sample'?: string;
  'source-file'?: string;
  'line-number'?: number;
}

export function readReports(file: string): CspReport[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      try {
        const j = JSON.parse(l) as { 'csp-report'?: CspReport };
        return j['csp-report'] ?? (j as CspReport);
      } catch {
        return { 'violated-directive': `unreadable report: ${l.slice(0, 200)}` };
      }
    });
}

/** Reports that count: all but those a test caused on purpose. */
export function realViolations(file: string): CspReport[] {
  return readReports(file).filter((r) => !(r['script-sample'] ?? '').includes(SELF_TEST_MARKER) && !(r['document-uri'] ?? '').includes(SELF_TEST_MARKER));
}
