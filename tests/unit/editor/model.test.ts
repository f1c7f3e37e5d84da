import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readDocument, lint } from '../../../src/lib/dfd/index.ts';
import type { DfdDocument } from '../../../src/schemas/dfd.ts';
import { childrenLost, copySelection, decomposeOps, levelPath, pasteOps, updateNodeOps } from '../../../src/editor/model/actions.ts';
import { boundaryNodes } from '../../../src/lib/dfd/index.ts';
import { applyOp } from '../../../src/editor/model/ops.ts';
import { diagramSvg } from '../../../src/lib/dfd/export/svg.ts';
import { readShareHash, shareLink, MAX_SHARE_URL } from '../../../src/editor/io/share.ts';
import { bendMagnitudes, flowBends, flowGeometry, flowOffsets, nodeBox, wrapText } from '../../../src/lib/dfd/export/geometry.ts';

function load(name: string): DfdDocument {
  const r = readDocument(readFileSync(`tests/fixtures/editor/${name}`, 'utf8'));
  if (!r.ok) throw new Error(r.error.en);
  return r.doc;
}

describe('editor actions', () => {
  it('分解 starts a child that balances with its parent, numbered from the parent process', () => {
    const doc = load('decompose.dfd.json');
    const r = decomposeOps(doc, 'top', 'p1', 'P1 的分解')!;
    const next = r.ops.reduce(applyOp, doc);
    const child = next.diagrams.find((d) => d.id === r.diagramId)!;
    expect(child.refines).toEqual({ diagram: 'top', process: 'p1' });
    expect(child.nodes.map((n) => `${n.kind}:${n.code}:${n.label}`).sort()).toEqual(['entity:E1:书商', 'process:P1.1:采购处理', 'store:D1:采购记录']);
    expect(child.flows).toHaveLength(4);
    expect(child.flows.map((f) => f.code)).toEqual(['F1.1', 'F1.2', 'F1.3', 'F1.4']);
    const findings = lint(next, {});
    expect(findings.filter((f) => f.rule === 'balance' || f.rule === 'code-format' || f.severity === 'error')).toEqual([]);
    expect(levelPath(next, r.diagramId).map((d) => d.id)).toEqual(['top', r.diagramId]);
    // A process decomposed already is not decomposed twice.
    expect(decomposeOps(next, 'top', 'p1', 'x')).toBeNull();
  });

  it('分解 of a process with entity, store and sibling neighbours: the child repeats them all and balances', () => {
    const doc = readDocument(readFileSync('tests/rules/balance/sibling-valid.dfd.json', 'utf8'));
    if (!doc.ok) throw new Error();
    // The 0 层图 alone: P3 报损处理 receives from its sibling P2 and writes a store and an entity.
    const top: DfdDocument = { ...doc.doc, diagrams: [doc.doc.diagrams[0]!] };
    const r = decomposeOps(top, 'l0', 'p3', 'P3 的分解')!;
    const next = r.ops.reduce(applyOp, top);
    const child = next.diagrams.find((d) => d.id === r.diagramId)!;
    expect(child.nodes.map((n) => `${n.kind}:${n.code}:${n.label}`).sort()).toEqual(['entity:E2:主管', 'process:P2:审核报损清单', 'process:P3.1:报损处理', 'store:D1:库存台账']);
    expect(child.flows.map((f) => f.label)).toEqual(['合格报损清单', '报损记录', '报损汇总']);
    expect(lint(next).filter((f) => f.severity === 'error' || f.rule === 'balance')).toEqual([]);
    // The linter and the modeller agree on which nodes are the boundary.
    const boundary = boundaryNodes(next, r.diagramId);
    expect([...boundary.values()].sort()).toEqual(['e2', 'p2', 's1']);
    expect(
      child.nodes
        .filter((n) => boundary.has(n.id))
        .map((n) => n.label)
        .sort(),
    ).toEqual(['主管', '审核报损清单', '库存台账']);
  });

  it('renaming a node renames its repeats in every level below, as one change', () => {
    const r0 = readDocument(readFileSync('tests/rules/balance/sibling-valid.dfd.json', 'utf8'));
    if (!r0.ok) throw new Error();
    const doc = r0.doc;
    const ops = updateNodeOps(doc, 'l0', 'p2', { label: '审核报损单' });
    expect(ops).toHaveLength(2);
    const next = ops.reduce(applyOp, doc);
    expect(next.diagrams[1]!.nodes.find((n) => n.id === 'p2')!.label).toBe('审核报损单');
    expect(lint(next).filter((f) => f.rule === 'balance')).toEqual([]);
    // Without codes, the repeat is found by kind and label before the change.
    const noCodes = structuredClone(doc);
    for (const d of noCodes.diagrams) for (const n of d.nodes) delete n.code;
    const next2 = updateNodeOps(noCodes, 'l0', 'e2', { label: '仓库主管' }).reduce(applyOp, noCodes);
    expect(next2.diagrams[1]!.nodes.find((n) => n.kind === 'entity')!.label).toBe('仓库主管');
    // A child's own process is not the parent's element: renaming it changes nothing above or beside.
    expect(updateNodeOps(doc, 'l3', 'q1', { label: '登记' })).toHaveLength(1);
  });

  it('the SVG export draws a child’s boundary nodes dashed, its own nodes solid', () => {
    const r0 = readDocument(readFileSync('tests/rules/balance/sibling-valid.dfd.json', 'utf8'));
    if (!r0.ok) throw new Error();
    const svg = diagramSvg(r0.doc, 'l3');
    const dashed = [...svg.matchAll(/<g data-id="([^"]+)"[^>]*data-boundary="true"/g)].map((m) => m[1]).sort();
    expect(dashed).toEqual(['e2', 'p2', 's1']);
    expect(diagramSvg(r0.doc, 'l0')).not.toContain('data-boundary');
  });

  it('deleting a process says which child levels go with it and how large they are', () => {
    const r0 = readDocument(readFileSync('tests/rules/balance/sibling-valid.dfd.json', 'utf8'));
    if (!r0.ok) throw new Error();
    const lost = childrenLost(r0.doc, 'l0', ['p3', 'e1']);
    expect(lost.map((x) => [x.process.id, x.diagrams.map((d) => d.id), x.nodes, x.flows])).toEqual([['p3', ['l3'], 5, 4]]);
    expect(childrenLost(r0.doc, 'l0', ['p2'])).toEqual([]);
  });

  it('paste gives fresh ids and codes and keeps the flows among the copied symbols', () => {
    const doc = load('good.dfd.json');
    const clip = copySelection(doc.diagrams[0]!, ['e1', 'p1'])!;
    expect(clip.flows.map((f) => f.id)).toEqual(['f1', 'f2']);
    const r = pasteOps(doc, 'top', clip, 32);
    const next = r.ops.reduce(applyOp, doc);
    const d = next.diagrams[0]!;
    const pasted = d.nodes.filter((n) => r.nodes.includes(n.id));
    expect(pasted.map((n) => n.code)).toEqual(['E2', 'P3']);
    expect(new Set(d.nodes.map((n) => n.id)).size).toBe(d.nodes.length);
    const flows = d.flows.filter((f) => r.flows.includes(f.id));
    expect(flows.map((f) => f.code)).toEqual(['F6', 'F7']);
    expect(flows.every((f) => r.nodes.includes(f.from) && r.nodes.includes(f.to))).toBe(true);
    expect(lint(next, {}).filter((f) => f.rule === 'unique-code')).toEqual([]);
  });
});

describe('geometry', () => {
  it('wraps Chinese labels by width and grows symbols with them', () => {
    expect(wrapText('审核采购单', 200)).toEqual(['审核采购单']);
    expect(wrapText('一二三四五六七八九十一二三四五', 70).length).toBeGreaterThan(1);
    const short = nodeBox({ kind: 'process', label: '审核' }, 'gane-sarson');
    const long = nodeBox({ kind: 'process', label: '审核采购单并登记入库台账' }, 'gane-sarson');
    expect(long.width).toBeGreaterThan(short.width);
    const circle = nodeBox({ kind: 'process', label: '审核' }, 'yourdon');
    expect(circle.width).toBe(circle.height);
  });

  it('fans out flows between one pair, and bows a flow round a symbol in its way', () => {
    const offsets = flowOffsets([
      { id: 'a', from: 'x', to: 'y' },
      { id: 'b', from: 'y', to: 'x' },
    ]);
    // Opposite directions, same side rule: the two lines end up on different sides.
    const box = { width: 100, height: 60 };
    const ga = flowGeometry({ center: { x: 0, y: 0 }, box, round: false }, { center: { x: 400, y: 0 }, box, round: false }, offsets.get('a')!);
    const gb = flowGeometry({ center: { x: 400, y: 0 }, box, round: false }, { center: { x: 0, y: 0 }, box, round: false }, offsets.get('b')!);
    expect(Math.sign(ga.mid.y)).not.toBe(Math.sign(gb.mid.y));
    const nodes = [
      { id: 'x', x: 0, y: 0, box, round: false },
      { id: 'm', x: 300, y: 0, box, round: false },
      { id: 'y', x: 600, y: 0, box, round: false },
    ];
    const bends = flowBends(nodes, [{ id: 'f', from: 'x', to: 'y' }], new Map());
    expect(Math.abs(bends.get('f')!)).toBeGreaterThan(40);
    expect(flowBends(nodes, [{ id: 'g', from: 'x', to: 'm' }], new Map()).has('g')).toBe(false);
  });
});

describe('SVG export', () => {
  it('is one standalone SVG of the whole diagram with named fonts and every element', () => {
    const doc = load('good.dfd.json');
    const svg = diagramSvg(doc, 'top');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="[\d.]+" height="[\d.]+" viewBox=/);
    expect(svg).toContain('Noto Sans CJK SC');
    expect(svg.match(/data-kind="/g)).toHaveLength(4);
    expect(svg.match(/data-flow="/g)).toHaveLength(5);
    for (const t of ['书商', '审核采购单', '采购员', 'S1', 'F3 合格采购单']) expect(svg).toContain(t);
    // Text is escaped.
    const odd = applyOp(doc, { type: 'updateNode', diagram: 'top', id: 'e1', patch: { label: 'A&B <C>' } });
    expect(diagramSvg(odd, 'top')).toContain('A&amp;B &lt;C&gt;');
  });
});

describe('share links', () => {
  it('round-trip a document through the URL fragment, and refuse what is too long', () => {
    const text = readFileSync('tests/fixtures/editor/good.dfd.json', 'utf8');
    const link = shareLink(text, 'https://example.org/modeller/?x=1#old');
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    const u = new URL(link.url);
    expect(u.pathname + u.search).toBe('/modeller/');
    expect(readShareHash(u.hash)).toBe(text);
    expect(readShareHash('#other')).toBeNull();
    const noise = Array.from({ length: 6000 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20000))).join('');
    const long = shareLink(noise, 'https://example.org/modeller/');
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.length).toBeGreaterThan(MAX_SHARE_URL);
  });
});

describe('SVG export bounds', () => {
  it('holds every flow label, also of flows that bow round symbols', () => {
    const r0 = readDocument(readFileSync('tests/rules/balance/sibling-valid.dfd.json', 'utf8'));
    if (!r0.ok) throw new Error();
    // Lay the 0 层图 out in one row so that the store-to-process flow has to bow over the others.
    const doc = structuredClone(r0.doc);
    doc.diagrams[0]!.nodes.forEach((n, i) => Object.assign(n, { x: i * 220, y: 0 }));
    const svg = diagramSvg(doc, 'l0');
    const [vx, vy, vw, vh] = /viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"/.exec(svg)!.slice(1).map(Number) as [number, number, number, number];
    for (const m of svg.matchAll(/<rect x="([-\d.]+)" y="([-\d.]+)" width="([-\d.]+)" height="18"/g)) {
      const [x, y, w] = m.slice(1).map(Number) as [number, number, number];
      expect(x).toBeGreaterThanOrEqual(vx);
      expect(y).toBeGreaterThanOrEqual(vy);
      expect(x + w).toBeLessThanOrEqual(vx + vw);
      expect(y + 18).toBeLessThanOrEqual(vy + vh);
    }
  });
});

describe('flow routing looks symbols up in a grid', () => {
  it('bends exactly as checking every symbol would, on random drawings', async () => {
    const fc = (await import('fast-check')).default;
    const box = { width: 120, height: 60 };
    // The straightforward routing: every flow tested against every symbol.
    const brute = (nodes: { id: string; x: number; y: number }[], flows: { id: string; from: string; to: string }[]) => {
      const placed = nodes.map((n) => ({ ...n, box, round: false }));
      const byId = new Map(placed.map((n) => [n.id, n]));
      const out = new Map<string, number>();
      const hits = (p: { x: number; y: number }, q: { x: number; y: number }, r: { x: number; y: number; w: number; h: number }) => {
        let t0 = 0;
        let t1 = 1;
        const dx = q.x - p.x;
        const dy = q.y - p.y;
        for (const [pp, qq] of [
          [-dx, p.x - r.x],
          [dx, r.x + r.w - p.x],
          [-dy, p.y - r.y],
          [dy, r.y + r.h - p.y],
        ] as const) {
          if (pp === 0) {
            if (qq < 0) return false;
          } else {
            const t = qq / pp;
            if (pp < 0) {
              if (t > t1) return false;
              if (t > t0) t0 = t;
            } else {
              if (t < t0) return false;
              if (t < t1) t1 = t;
            }
          }
        }
        return t0 <= t1;
      };
      const offsets = flowOffsets(flows);
      for (const f of flows) {
        const a = byId.get(f.from)!;
        const b = byId.get(f.to)!;
        if (a === b) continue;
        const end = (n: typeof a) => ({ center: { x: n.x + 60, y: n.y + 30 }, box, round: false });
        const blocked = (bend: number) => {
          const g = flowGeometry(end(a), end(b), offsets.get(f.id) ?? 0, bend);
          const pts = bend ? [g.start, g.mid, g.end] : [g.start, g.end];
          return placed.some((n) => n !== a && n !== b && pts.slice(1).some((p, i) => hits(pts[i]!, p, { x: n.x - 6, y: n.y - 6, w: 132, h: 72 })));
        };
        if (!blocked(0)) continue;
        const len = Math.hypot(b.x - a.x, b.y - a.y);
        const side = (offsets.get(f.id) ?? 0) < 0 ? -1 : 1;
        let chosen = 0;
        search: for (const mag of bendMagnitudes(len))
          for (const sign of [side, -side]) {
            const bend = sign * mag;
            if (!blocked(bend)) {
              chosen = bend;
              break search;
            }
          }
        out.set(f.id, chosen || side * Math.max(48, 0.25 * len));
      }
      return out;
    };
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: -800, max: 1600 }), y: fc.integer({ min: -600, max: 1200 }) }), { minLength: 2, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 }),
        (pos, pairs) => {
          const nodes = pos.map((p, i) => ({ id: `n${i}`, ...p }));
          const flows = pairs.map(([a, b], i) => ({ id: `f${i}`, from: `n${a % nodes.length}`, to: `n${b % nodes.length}` }));
          const fast = flowBends(
            nodes.map((n) => ({ ...n, box, round: false })),
            flows,
            flowOffsets(flows),
          );
          expect([...fast.entries()].sort()).toEqual([...brute(nodes, flows).entries()].sort());
        },
      ),
      { numRuns: 300 },
    );
  });
});
