// @vitest-environment jsdom
/**
 * The Mermaid export of any document, with labels that are hard on Mermaid, parses with
 * Mermaid's own parser and keeps every label (as Mermaid's SVG labels show it: lines, words
 * separated by single spaces), every shape and every flow.
 */
import fc from 'fast-check';
import mermaid from 'mermaid';
import { beforeAll, describe, expect, it } from 'vitest';
import { flowText, fromMermaid, nodeText, readDocument, toMermaid, type DfdDocument } from '../../../src/lib/dfd/index.ts';
import { displayText, EDGE_QUOTE } from '../../../src/lib/dfd/mermaid/escape.ts';
import { anyLabelArb, documentArb, nastyDocument, NASTY_LABELS } from './arbitraries.ts';

interface Vertex {
  id: string;
  type: string;
  text: string;
}
interface Edge {
  start: string;
  end: string;
  text: string;
}

beforeAll(() => {
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', htmlLabels: false, flowchart: { htmlLabels: false } });
});

async function parsed(src: string): Promise<{ vertices: Vertex[]; edges: Edge[] }> {
  expect(await mermaid.parse(src)).toBeTruthy();
  const api = (mermaid as unknown as { mermaidAPI: { getDiagramFromText(t: string): Promise<{ db: { getVertices(): Map<string, Vertex>; getEdges(): Edge[] } }> } }).mermaidAPI;
  const diagram = await api.getDiagramFromText(src);
  return { vertices: [...diagram.db.getVertices().values()], edges: diagram.db.getEdges() };
}

/** What Mermaid's SVG text shows: lines, each a run of words separated by single spaces. */
function shown(text: string): string {
  return text
    .split('\n')
    .map((l) => l.split(/\s+/).filter(Boolean).join(' '))
    .join('\n')
    .trim();
}

/** Pinned here on purpose (not imported): the shapes per notation are the site's notation, tests/unit/dfd/notation.test.ts. */
const SHAPE = {
  'gane-sarson': { entity: 'rect', process: 'rounded', store: 'lin-rect' },
  yourdon: { entity: 'rect', process: 'circle', store: 'datastore' },
} as const;

async function checkDocument(doc: DfdDocument) {
  for (const d of doc.diagrams) {
    const src = toMermaid(doc, { diagram: d.id });
    // Mermaid turns `#word;` into entity codes and strips `%%{…}%%` before parsing: none may be left.
    expect(src).not.toMatch(/#\w+;/);
    expect(src).not.toMatch(/%%/);
    const { vertices, edges } = await parsed(src);
    expect(vertices).toHaveLength(d.nodes.length);
    d.nodes.forEach((n, i) => {
      const v = vertices[i]!;
      const notation = doc.notation ?? 'gane-sarson';
      expect(v.type).toBe(SHAPE[notation][n.kind]);
      expect(shown(displayText(v.text))).toBe(shown(nodeText(n, notation)));
    });
    const ids = new Set(d.nodes.map((n) => n.id));
    const drawn = d.flows.filter((f) => ids.has(f.from) && ids.has(f.to));
    expect(edges).toHaveLength(drawn.length);
    drawn.forEach((f, i) => {
      const e = edges[i]!;
      const expected = shown(flowText(f).replaceAll('"', EDGE_QUOTE));
      expect(shown(displayText(e.text ?? ''))).toBe(expected);
    });
  }
}

describe('Mermaid export parses with Mermaid and keeps every label', () => {
  it('each nasty label, as node and as flow', async () => {
    await checkDocument(nastyDocument());
  });

  it('any generated document', async () => {
    await fc.assert(fc.asyncProperty(documentArb, checkDocument), { numRuns: 120 });
  });
});

describe('Mermaid parses the export of arbitrary Unicode labels (issue 17, point 4)', () => {
  it("every node and flow survives Mermaid's own parser", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyLabelArb, { minLength: 2, maxLength: 6 }), async (labels) => {
        const r = readDocument({
          format: 'flowbook-dfd',
          version: 1,
          diagrams: [
            {
              id: 'd',
              title: labels[0],
              nodes: labels.map((label, i) => ({ id: `n${i}`, kind: 'process', label })),
              flows: labels.slice(1).map((label, i) => ({ id: `f${i}`, from: `n${i}`, to: `n${i + 1}`, label })),
            },
          ],
        });
        if (!r.ok) throw new Error(r.error.en);
        const { vertices, edges } = await parsed(toMermaid(r.doc));
        expect(vertices).toHaveLength(labels.length);
        expect(edges).toHaveLength(labels.length - 1);
      }),
      { numRuns: 100 },
    );
  });
});

describe('fromMermaid reads what toMermaid writes', () => {
  const codeArb = fc.option(fc.constantFrom('E1', 'P3.1', 'D2', 'S01'), { nil: undefined });
  const wordArb = fc.oneof(fc.constantFrom(...NASTY_LABELS.filter((l) => l.trim() && !/^\s|\s$|\s\s|\n|\u3000|ＡＢＣ/.test(l))), fc.constantFrom('书商', '入库台账', '编目处理'));
  it('round-trips kinds, codes, labels and flows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom('entity', 'process', 'store'), label: wordArb, code: codeArb }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.record({ from: fc.nat(5), to: fc.nat(5), label: fc.option(wordArb, { nil: undefined }), code: fc.option(fc.constantFrom('F1', 'F3.2'), { nil: undefined }) }), {
          maxLength: 8,
        }),
        (nodes, flows) => {
          const raw = {
            format: 'flowbook-dfd',
            version: 1,
            diagrams: [
              {
                id: 'main',
                title: '进书 "数据流程图"',
                nodes: nodes.map((n, i) => ({ id: `n${i}`, ...n })),
                flows: flows
                  .filter((f) => f.from < nodes.length && f.to < nodes.length)
                  .map((f, i) => ({ id: `f${i}`, label: f.label, code: f.code, from: `n${f.from}`, to: `n${f.to}` })),
              },
            ],
          };
          const doc = readDocument(JSON.parse(JSON.stringify(raw)));
          if (!doc.ok) throw new Error(doc.error.en);
          const back = fromMermaid(toMermaid(doc.doc));
          if (!back.ok) throw new Error(back.error.en);
          const strip = (x: DfdDocument) => x.diagrams[0]!;
          const a = strip(doc.doc);
          const b = strip(back.doc);
          expect(b.title).toBe(a.title);
          expect(b.nodes.map((n) => [n.id, n.kind, n.code, n.label])).toEqual(a.nodes.map((n) => [n.id, n.kind, n.code, n.label.trim()]));
          expect(b.flows.map((f) => [f.id, f.from, f.to, f.code, f.label])).toEqual(a.flows.map((f) => [f.id, f.from, f.to, f.code, f.label?.trim() || undefined]));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads plain flowcharts people type', () => {
    const r = fromMermaid('flowchart LR\n  A[书商] -->|采购单| B(P1\n  B("P1<br/>审核采购单")\n  C[(入库台账)]\n  B -- 合格采购单 --> C\n');
    expect(r.ok).toBe(false);
    const ok = fromMermaid('flowchart LR\n  A[书商] -->|采购单| B("P1<br/>审核采购单")\n  B -- F2 合格采购单 --> C[(D1 入库台账)]\n  C --> B\n');
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    const d = ok.doc.diagrams[0]!;
    expect(d.nodes.map((n) => [n.id, n.kind, n.code, n.label])).toEqual([
      ['A', 'entity', undefined, '书商'],
      ['B', 'process', 'P1', '审核采购单'],
      ['C', 'store', undefined, 'D1 入库台账'],
    ]);
    expect(d.flows.map((f) => [f.from, f.to, f.code, f.label])).toEqual([
      ['A', 'B', undefined, '采购单'],
      ['B', 'C', 'F2', '合格采购单'],
      ['C', 'B', undefined, undefined],
    ]);
  });

  it('names the line it cannot read', () => {
    expect(fromMermaid('sequenceDiagram\n  A->>B: hi')).toMatchInlineSnapshot(`
      {
        "error": {
          "en": "line 1: not a Mermaid flowchart (it should start with "flowchart")",
          "path": "line 1",
          "zh": "第 1 行：不是 Mermaid 流程图（应以 flowchart 开头）",
        },
        "ok": false,
      }
    `);
    expect(fromMermaid('flowchart LR\n  A[书商]\n  A -->')).toMatchInlineSnapshot(`
      {
        "error": {
          "en": "line 3: unrecognised statement: A -->",
          "path": "line 3",
          "zh": "第 3 行：无法识别的语句：A -->",
        },
        "ok": false,
      }
    `);
    expect(fromMermaid('flowchart LR\n  A@{ shape: hexagon, label: "x" }')).toMatchInlineSnapshot(`
      {
        "error": {
          "en": "line 2: unknown shape "hexagon" (use rect for entities, rounded or circle for processes, lin-rect or datastore for stores): A@{ shape: hexagon, label: "x" }",
          "path": "line 2",
          "zh": "第 2 行：不认识的形状 "hexagon"（外部实体用 rect；处理用 rounded 或 circle；数据存储用 lin-rect 或 datastore）：A@{ shape: hexagon, label: "x" }",
        },
        "ok": false,
      }
    `);
  });
});
