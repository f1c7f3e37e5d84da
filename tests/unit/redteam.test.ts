/**
 * The red-team suite (issue 17, point 12): hostile inputs kept as fixtures with the outcome each
 * must get. tests/fixtures/redteam/cases.json: pasted Mermaid that froze the page (each must end,
 * with the outcome given, well within the test's timeout) and labels that broke the Mermaid round trip, a
 * terminal or a spreadsheet (each must round-trip through Mermaid exactly, print as one line with
 * no control character, and never start a CSV cell a spreadsheet would run). The command line's
 * folder cases (FIFOs, links) are in tests/cli/real-folders.test.ts, with fixture files in
 * tests/fixtures/redteam/cli/.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvField, terminalSafe } from '../../src/cli/safe-text.ts';
import { fromMermaid, readDocument, toMermaid } from '../../src/lib/dfd/index.ts';

const cases = JSON.parse(readFileSync('tests/fixtures/redteam/cases.json', 'utf8')) as {
  mermaidPaste: Array<{ name: string; prefix: string; unit: string; repeat: number; suffix: string; expect: 'ok' | 'error'; message?: string }>;
  labels: string[];
};

describe('red team: pasted Mermaid never freezes', () => {
  for (const c of cases.mermaidPaste) {
    // A freeze shows as the test's timeout (each took minutes before the fix); speed is not asserted here.
    it(c.name, { timeout: 10_000 }, () => {
      const text = `flowchart LR\n${c.prefix}${c.unit.repeat(c.repeat)}${c.suffix}\n`;
      const r = fromMermaid(text);
      expect(r.ok ? 'ok' : 'error').toBe(c.expect);
      if (!r.ok && c.message) expect(r.error.en).toContain(c.message);
    });
  }
});

describe('red team: hostile labels', () => {
  it('each label, as node, flow and title, comes back from a Mermaid export exactly', () => {
    for (const label of cases.labels) {
      const r = readDocument({
        format: 'flowbook-dfd',
        version: 1,
        diagrams: [
          {
            id: 'd',
            title: label,
            nodes: [
              { id: 'a', kind: 'entity', label },
              { id: 'b', kind: 'process', code: 'P1', label },
            ],
            flows: [{ id: 'f', from: 'a', to: 'b', label }],
          },
        ],
      });
      if (!r.ok) throw new Error(r.error.en);
      const text = toMermaid(r.doc);
      const back = fromMermaid(text);
      expect(back.ok, `${JSON.stringify(label)}\n${text}`).toBe(true);
      if (!back.ok) continue;
      const d = back.doc.diagrams[0]!;
      const want = label.trim();
      expect([d.title, d.nodes[0]!.label, d.nodes[1]!.label, d.flows[0]!.label], JSON.stringify(label)).toEqual([want, want, want, want]);
      // No control character reaches Mermaid's SVG text.
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    }
  });

  it('each label prints as visible text on one line, and never starts a CSV formula', () => {
    for (const label of cases.labels) {
      const shown = terminalSafe(label);
      expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
      const cell = csvField(label);
      for (const part of cell.split(/[,;]/)) expect(part.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
    }
  });
});
