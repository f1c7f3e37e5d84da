import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DfdDocument } from '../../../src/schemas/dfd.ts';
import { dfdDocumentSchema } from '../../../src/schemas/dfd.ts';
import { editorReducer, initialState, type EditorAction, type EditorState } from '../../../src/editor/model/editor.ts';
import { applyOp, type Op } from '../../../src/editor/model/ops.ts';
import { diagramId, elementIds } from '../../../src/editor/model/ids.ts';

const start: DfdDocument = {
  format: 'flowbook-dfd',
  version: 1,
  title: '起点',
  diagrams: [
    {
      id: 'top',
      nodes: [
        { id: 'e1', kind: 'entity', code: 'E1', label: '书商', x: 0, y: 0 },
        { id: 'p1', kind: 'process', code: 'P1', label: '审核', x: 200, y: 0 },
        { id: 's1', kind: 'store', code: 'D1', label: '台账', x: 400, y: 0 },
      ],
      flows: [
        { id: 'f1', from: 'e1', to: 'p1', label: '采购单' },
        { id: 'f2', from: 'p1', to: 's1', label: '入库单' },
      ],
    },
  ],
  dictionary: [{ name: '采购单', kind: 'flow', composition: '单号 + 书名' }],
};

/** One random step, interpreted against the current state so it usually makes sense. */
type Intent = { what: number; a: number; b: number; text: string };
const intent = fc.record({
  what: fc.nat(15),
  a: fc.nat(50),
  b: fc.nat(50),
  text: fc.oneof(fc.constant(''), fc.string({ maxLength: 6 })),
});

const pick = <T>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);
const kinds = ['entity', 'process', 'store'] as const;

function toAction(state: EditorState<DfdDocument>, it: Intent): EditorAction | null {
  const doc = state.doc;
  const d = pick(doc.diagrams, it.a)!;
  const node = pick(d.nodes, it.b);
  const flow = pick(d.flows, it.b);
  const ops = (op: Op): EditorAction => ({ type: 'apply', ops: [op] });
  switch (it.what) {
    case 0:
    case 1: {
      const id = elementIds(d)(kinds[it.b % 3]!);
      return ops({ type: 'addElements', diagram: d.id, nodes: [{ id, kind: kinds[it.b % 3]!, label: it.text, x: it.a, y: it.b }], flows: [] });
    }
    case 2: {
      const to = pick(d.nodes, it.a);
      if (!node || !to) return null;
      return ops({ type: 'addElements', diagram: d.id, nodes: [], flows: [{ id: elementIds(d)('flow'), from: node.id, to: to.id, label: it.text }] });
    }
    case 3:
      return node ? ops({ type: 'updateNode', diagram: d.id, id: node.id, patch: { label: it.text, code: it.text || undefined } }) : null;
    case 4:
      return flow ? ops({ type: 'updateFlow', diagram: d.id, id: flow.id, patch: { label: it.text } }) : null;
    case 5:
      return node ? ops({ type: 'moveNodes', diagram: d.id, positions: { [node.id]: { x: it.a * 16, y: it.b * 16 } } }) : null;
    case 6:
      return ops({ type: 'deleteElements', diagram: d.id, nodes: node ? [node.id] : [], flows: flow && it.a % 2 ? [flow.id] : [] });
    case 7: {
      const p = d.nodes.find((n) => n.kind === 'process');
      const id = diagramId(doc);
      return {
        type: 'apply',
        diagramId: id,
        ops: [{ type: 'addDiagram', diagram: { id, refines: p ? { diagram: d.id, process: p.id } : undefined, nodes: [], flows: [] } as never }],
      };
    }
    case 8:
      return ops({ type: 'deleteDiagram', id: d.id });
    case 9:
      return ops({ type: 'updateDiagram', id: d.id, patch: { level: it.b % 2 ? 'context' : 'level', title: it.text } });
    case 10:
      return ops({ type: 'upsertEntry', index: it.b % 2 ? null : it.a % 3, entry: { name: it.text || '名', kind: 'flow', aliases: [it.text] } });
    case 11:
      return ops({ type: 'removeEntry', index: it.a % 3 });
    case 12:
      return ops({ type: 'updateDocument', patch: { notation: it.b % 2 ? 'yourdon' : 'gane-sarson', title: it.text } });
    case 13:
      return { type: 'undo' };
    case 14:
      return { type: 'redo' };
    default:
      return { type: 'showDiagram', diagramId: d.id, select: { nodes: node ? [node.id] : [], flows: [] } };
  }
}

function run(intents: Intent[]) {
  let state = initialState(start);
  for (const it of intents) {
    const action = toAction(state, it);
    if (action) state = editorReducer(state, action);
  }
  return state;
}

function undoAll(state: EditorState<DfdDocument>): EditorState<DfdDocument> {
  let s = state;
  while (s.past.length) s = editorReducer(s, { type: 'undo' });
  return s;
}

function redoAll(state: EditorState<DfdDocument>): EditorState<DfdDocument> {
  let s = state;
  while (s.future.length) s = editorReducer(s, { type: 'redo' });
  return s;
}

describe('editor reducer', () => {
  it('random edits then undo all gives back the starting document', () => {
    fc.assert(
      fc.property(fc.array(intent, { maxLength: 60 }), (intents) => {
        const end = run(intents);
        const back = undoAll(end);
        expect(back.doc).toEqual(start);
        expect(back.doc).toBe(start);
        expect(back.future.length).toBe(end.past.length + end.future.length);
        // …and redo all gives the furthest state reached again.
        const forward = redoAll(end);
        expect(redoAll(back).doc).toBe(forward.doc);
      }),
      { numRuns: 300 },
    );
  });

  it('every state reached is a valid document: unique ids, flows only between existing nodes, shown diagram exists', () => {
    fc.assert(
      fc.property(fc.array(intent, { maxLength: 60 }), (intents) => {
        let state = initialState(start);
        for (const it of intents) {
          const action = toAction(state, it);
          if (!action) continue;
          state = editorReducer(state, action);
          expect(dfdDocumentSchema.safeParse(state.doc).success).toBe(true);
          expect(state.doc.diagrams.some((d) => d.id === state.diagramId)).toBe(true);
          for (const d of state.doc.diagrams) {
            const ids = d.nodes.map((n) => n.id);
            expect(new Set(ids).size).toBe(ids.length);
            expect(new Set(d.flows.map((f) => f.id)).size).toBe(d.flows.length);
          }
          const shown = state.doc.diagrams.find((d) => d.id === state.diagramId)!;
          for (const id of state.selection.nodes) expect(shown.nodes.some((n) => n.id === id)).toBe(true);
        }
        expect(state.doc.diagrams[0]!.id).toBe('top');
      }),
      { numRuns: 200 },
    );
  });

  it('deleting a node removes the flows that touch it, and a process takes its decomposition along', () => {
    let doc = applyOp(start, { type: 'addDiagram', diagram: { id: 'c', refines: { diagram: 'top', process: 'p1' }, nodes: [], flows: [] } });
    doc = applyOp(doc, { type: 'deleteElements', diagram: 'top', nodes: ['p1'], flows: [] });
    expect(doc.diagrams.map((d) => d.id)).toEqual(['top']);
    expect(doc.diagrams[0]!.flows).toEqual([]);
  });

  it('an op that changes nothing adds no history entry', () => {
    const s = initialState(start);
    const s2 = editorReducer(s, { type: 'apply', ops: [{ type: 'updateNode', diagram: 'top', id: 'e1', patch: { label: '书商' } }] });
    expect(s2).toBe(s);
    const s3 = editorReducer(s, { type: 'apply', ops: [{ type: 'moveNodes', diagram: 'top', positions: { e1: { x: 0, y: 0 } } }] });
    expect(s3.past.length).toBe(0);
  });

  it('undo returns to the diagram where the change was made', () => {
    let s = initialState(start);
    s = editorReducer(s, { type: 'apply', diagramId: 'c', ops: [{ type: 'addDiagram', diagram: { id: 'c', refines: { diagram: 'top', process: 'p1' }, nodes: [], flows: [] } }] });
    expect(s.diagramId).toBe('c');
    s = editorReducer(s, { type: 'undo' });
    expect(s.diagramId).toBe('top');
    s = editorReducer(s, { type: 'redo' });
    expect(s.diagramId).toBe('c');
  });
});
