/**
 * Each diagram is rendered once, in the light theme, and its dark file derived from it (issue 15):
 * the derived dark SVG is the one Mermaid draws in the dark theme, but for the random points of
 * curved shapes (path data) and the id. Diagrams outside the pattern (styles of their own, another
 * diagram type) are rendered in the dark theme instead. Renders in the system Chromium.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument, toMermaid } from '../../../src/lib/dfd/index.ts';
import { closeMermaidRenderer, mermaidStats, renderMermaid } from '../../../src/lib/mermaid/render.ts';

process.env.FLOWBOOK_MERMAID_CACHE = mkdtempSync(join(tmpdir(), 'fb-derive-'));

function dfd(file: string): string {
  const r = readDocument(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(r.error.en);
  return toMermaid(r.doc);
}

const FLOWCHARTS = [
  dfd('content/docs/learn/_dfd/notation-gane-sarson.dfd.json'),
  dfd('content/docs/learn/_dfd/notation-yourdon.dfd.json'),
  dfd('content/docs/learn/_dfd/bookstore.dfd.json'),
  'flowchart TD\n  accTitle: 报销\n  A["提交报销单"] --> B{"金额 ≥ 5000 元？"}\n  B -->|是| C["总经理审批"]\n  B -->|否| D(["部门经理审批"])\n  subgraph 财务\n    E[("账簿")]\n  end\n  C --> E\n  D -.-> E',
];
const OTHERS = ['flowchart LR\n  A --> B\n  classDef hot fill:#f00\n  class A hot', 'sequenceDiagram\n  A->>B: 你好'];

/** The SVG with its id and the path data of curves (random points) blanked. */
const comparable = (svg: string) => svg.replace(/fb-(light|dark)-0/g, 'ID').replace(/ d="[^"]*"/g, ' d=""');

afterAll(async () => {
  delete process.env.FLOWBOOK_MERMAID_DERIVE;
  await closeMermaidRenderer();
});

describe('dark files derived from the light rendering', () => {
  it('equal the dark rendering for flowcharts; other diagrams are rendered dark', async () => {
    const before = mermaidStats().darkDerived;
    const derived = await Promise.all([...FLOWCHARTS, ...OTHERS].map((s) => renderMermaid(s)));
    expect(mermaidStats().darkDerived - before).toBe(FLOWCHARTS.length);
    process.env.FLOWBOOK_MERMAID_DERIVE = '0';
    // A comment changes the cache key, not the drawing.
    const rendered = await Promise.all([...FLOWCHARTS, ...OTHERS].map((s) => renderMermaid(`${s}\n%% rendered dark`)));
    expect(mermaidStats().darkDerived - before).toBe(FLOWCHARTS.length);
    derived.forEach((d, i) => {
      expect(d.dark).not.toBe(d.light);
      expect(d.dark, `diagram ${i}`).toContain('fill="#17181c"');
      // (A sequence diagram is not drawn the same twice, so only the flowcharts are compared.)
      if (i <= FLOWCHARTS.length) expect(comparable(d.dark), `diagram ${i}`).toBe(comparable(rendered[i]!.dark));
    });
  }, 180_000);
});
