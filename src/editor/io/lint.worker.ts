/**
 * Lints large documents off the page's thread (hooks/useFindings.ts sends documents over
 * LINT_IN_WORKER symbols here): one message in, the findings out, tagged with the request's number
 * so that only the latest is used.
 */
import type { DfdDocument } from '@schemas/dfd.ts';
import { lint, type Finding } from '../core.ts';

export interface LintRequest {
  seq: number;
  doc: DfdDocument;
  locale: 'zh-CN' | 'en';
}
export interface LintReply {
  seq: number;
  findings: Finding[];
}

const scope = self as unknown as { postMessage(m: LintReply): void; onmessage: ((e: MessageEvent<LintRequest>) => void) | null };

scope.onmessage = (e) => {
  const { seq, doc, locale } = e.data;
  scope.postMessage({ seq, findings: lint(doc, { locale }) });
};
