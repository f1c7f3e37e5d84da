/** The editor's commands, key map and restore path, without a DOM. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readDocument, type DfdDocument } from '../../../src/lib/dfd/index.ts';
import { MESSAGES } from '../../../src/editor/i18n.ts';
import { KEYMAP, ariaKeys, matchChord, matchKey, type KeyInput } from '../../../src/editor/commands/keymap.ts';
import { COMMAND_IDS } from '../../../src/editor/commands/ids.ts';
import * as edit from '../../../src/editor/commands/edit.ts';
import { createStore } from '../../../src/editor/store/store.ts';
import { restoreDocument, restoreExercise, restoreStored } from '../../../src/editor/io/restore.ts';
import { editorReducer, initialState } from '../../../src/editor/model/editor.ts';
import { nodeBox } from '../../../src/lib/dfd/export/geometry.ts';
import { dfdOf } from '../../../src/editor/model/bfc.ts';

const t = MESSAGES['zh-CN'];
const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
const sibling = (): DfdDocument => {
  const r = readDocument(readFileSync('tests/rules/balance/sibling-valid.dfd.json', 'utf8'));
  if (!r.ok) throw new Error();
  return r.doc;
};

describe('key map', () => {
  it('binds each command at most once, and only known commands', () => {
    const ids = KEYMAP.map((b) => b.command);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(COMMAND_IDS).toContain(id);
    for (const id of COMMAND_IDS) expect(t.commandNames[id], id).toBeTruthy();
  });

  it('matches chords: Mod is Ctrl or Cmd, Shift only where written, letters in any case', () => {
    expect(matchChord(key('z', { ctrlKey: true }), 'Mod+Z')).toBe(true);
    expect(matchChord(key('Z', { metaKey: true }), 'Mod+Z')).toBe(true);
    expect(matchChord(key('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Z')).toBe(false);
    expect(matchChord(key('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Shift+Z')).toBe(true);
    expect(matchChord(key('z'), 'Mod+Z')).toBe(false);
    expect(matchChord(key('?', { shiftKey: true }), '?')).toBe(true);
    expect(matchChord(key('Delete'), 'Delete')).toBe(true);
  });

  it('finds the commands for a key press in context', () => {
    const canvas = { canvas: true, onControl: false };
    expect(matchKey(key('z', { ctrlKey: true }), canvas)).toEqual(['undo']);
    expect(matchKey(key('y', { ctrlKey: true }), canvas)).toEqual(['redo']);
    expect(matchKey(key('s', { ctrlKey: true }), canvas)).toEqual(['export-json']);
    expect(matchKey(key('d', { ctrlKey: true }), canvas)).toEqual(['duplicate-selection']);
    // Ctrl+A selects symbols only from the canvas; Delete and Enter leave buttons alone.
    expect(matchKey(key('a', { ctrlKey: true }), { canvas: false, onControl: false })).toEqual([]);
    expect(matchKey(key('Delete'), { canvas: true, onControl: true })).toEqual([]);
    expect(matchKey(key('Enter'), { canvas: true, onControl: true })).toEqual([]);
    expect(matchKey(key('Enter'), canvas)).toEqual(['edit-label']);
    expect(ariaKeys('redo')).toBe('Control+Shift+Z Control+Y');
  });

  it('zooms with +, -, 0 and Shift+1 (by the physical key), never with Ctrl held (the browser zooms then)', () => {
    const canvas = { canvas: true, onControl: false };
    expect(matchKey(key('+', { shiftKey: true }), canvas)).toEqual(['zoom-in']);
    expect(matchKey(key('='), canvas)).toEqual(['zoom-in']);
    expect(matchKey(key('-'), canvas)).toEqual(['zoom-out']);
    expect(matchKey(key('0', { code: 'Digit0' }), canvas)).toEqual(['zoom-reset']);
    expect(matchKey(key('!', { shiftKey: true, code: 'Digit1' }), canvas)).toEqual(['zoom-fit']);
    // Shift+1 on a keyboard where it types another character still fits; 1 alone does nothing.
    expect(matchKey(key('"', { shiftKey: true, code: 'Digit1' }), canvas)).toEqual(['zoom-fit']);
    expect(matchKey(key('1', { code: 'Digit1' }), canvas)).toEqual([]);
    expect(matchKey(key('+', { ctrlKey: true, shiftKey: true }), canvas)).toEqual([]);
    expect(matchKey(key('-', { ctrlKey: true }), canvas)).toEqual([]);
    // On a button, + and - are left alone as other keys there are.
    expect(matchKey(key('-'), { canvas: true, onControl: true })).toEqual([]);
    expect(ariaKeys('zoom-in')).toBe('+ =');
  });
});

describe('edit commands (pure)', () => {
  const state = (doc: DfdDocument, diagramId: string, nodes: string[] = [], flows: string[] = []) => ({ ...initialState(doc, diagramId), selection: { nodes, flows } });

  it('deleting a decomposed process asks first; other deletions apply at once', () => {
    const doc = sibling();
    const ask = edit.deleteSelection(state(doc, 'l0', ['p3']), t);
    expect(ask && 'dialog' in ask && ask.dialog.type).toBe('deleteWithChild');
    const now = edit.deleteSelection(state(doc, 'l0', ['e1']), t);
    expect(now && 'action' in now && now.action.type).toBe('apply');
    expect(edit.deleteSelection(state(doc, 'l0'), t)).toBeNull();
    // The symbol with keyboard focus is what Delete acts on: alone when it is not in the selection.
    const focused = edit.deleteSelection(state(doc, 'l0'), t, 'e2');
    expect(focused && 'action' in focused && focused.action.type === 'apply' && focused.action.ops[0]).toMatchObject({ nodes: ['e2'] });
    const other = edit.deleteSelection(state(doc, 'l0', ['e1'], ['f1']), t, 'e2');
    expect(other && 'action' in other && other.action.type === 'apply' && other.action.ops[0]).toEqual({ type: 'deleteElements', diagram: 'l0', nodes: ['e2'], flows: [] });
    const inside = edit.deleteSelection(state(doc, 'l0', ['e1', 'e2']), t, 'e2');
    expect(inside && 'action' in inside && inside.action.type === 'apply' && inside.action.ops[0]).toMatchObject({ nodes: ['e1', 'e2'] });
  });

  it('a flow end dragged onto another symbol moves that end, as one undo step', () => {
    const store = createStore(sibling());
    store.dispatch({ type: 'showDiagram', diagramId: 'l0' });
    const st = () => ({ ...store.get(), doc: dfdOf(store.get().doc) });
    const d0 = dfdOf(store.get().doc).diagrams.find((d) => d.id === 'l0')!;
    const f = d0.flows[0]!;
    const other = d0.nodes.find((n) => n.id !== f.from && n.id !== f.to)!;
    expect(edit.reconnectFlow(st(), f.id, f.from, f.to)).toBeNull();
    expect(edit.reconnectFlow(st(), f.id, f.from, f.from)).toBeNull();
    expect(edit.reconnectFlow(st(), f.id, f.from, 'no-such-node')).toBeNull();
    store.dispatch(edit.reconnectFlow(st(), f.id, f.from, other.id)!);
    const moved = st()
      .doc.diagrams.find((d) => d.id === 'l0')!
      .flows.find((x) => x.id === f.id)!;
    expect({ from: moved.from, to: moved.to, label: moved.label }).toEqual({ from: f.from, to: other.id, label: f.label });
    expect(store.get().selection).toEqual({ nodes: [], flows: [f.id] });
    store.dispatch({ type: 'undo' });
    expect(
      st()
        .doc.diagrams.find((d) => d.id === 'l0')!
        .flows.find((x) => x.id === f.id),
    ).toEqual(f);
  });

  it('Enter edits the one selected element, never a boundary node', () => {
    const doc = sibling();
    expect(edit.editTarget(state(doc, 'l3', ['q1']))).toEqual({ kind: 'node', id: 'q1', field: 'label' });
    expect(edit.editTarget(state(doc, 'l3', ['p2']))).toBeNull();
    expect(edit.editTarget(state(doc, 'l3'), { kind: 'node', id: 'p2' })).toBeNull();
    expect(edit.editTarget(state(doc, 'l3', [], ['g1']))).toEqual({ kind: 'flow', id: 'g1', field: 'label' });
    expect(edit.editTarget(state(doc, 'l3', ['q1', 'q2']))).toBeNull();
  });

  it('Ctrl+D duplicates the selection beside it with fresh codes; select all takes the level', () => {
    const doc = sibling();
    const store = createStore(doc);
    store.dispatch({ type: 'showDiagram', diagramId: 'l0', select: { nodes: ['e1', 'p2'], flows: [] } });
    const dfd = () => ({ ...store.get(), doc: dfdOf(store.get().doc) });
    store.dispatch(edit.duplicateSelection(dfd())!);
    const d = dfd().doc.diagrams[0]!;
    expect(d.nodes).toHaveLength(7);
    expect(store.get().selection.nodes).toHaveLength(2);
    expect(d.nodes.slice(-2).map((n) => n.code)).toEqual(['E3', 'P4']);
    store.dispatch({ type: 'undo' });
    expect(dfd().doc.diagrams[0]!.nodes).toHaveLength(5);
    store.dispatch(edit.selectAll(dfd()));
    expect(store.get().selection.nodes).toHaveLength(5);
  });

  it('a new symbol lands in a free spot with its name field open', () => {
    const doc = sibling();
    const s = state(doc, 'l0');
    const d = doc.diagrams[0]!;
    const spot = edit.freeSpot(d, 'gane-sarson', 'process', { x: d.nodes[0]!.x ?? 0, y: d.nodes[0]!.y ?? 0 });
    const r = edit.addNode(s, 'process', spot);
    expect(r.editing).toMatchObject({ kind: 'node', field: 'label' });
    expect(r.action).toMatchObject({ type: 'apply', select: { nodes: [r.editing.id] } });
  });
});

describe('click to add', () => {
  it('puts each new symbol at least 160 px from every other, near the spot asked for, so a flow and its label fit between', () => {
    const doc = readDocument({ format: 'flowbook-dfd', version: 1, diagrams: [{ id: 'd', nodes: [], flows: [] }] });
    if (!doc.ok) throw new Error(doc.error.en);
    let s = initialState(doc.doc, 'd');
    const centre = { x: 400, y: 300 };
    for (const kind of ['entity', 'process', 'process', 'store', 'entity', 'process'] as const) {
      const spot = edit.freeSpot(s.doc.diagrams[0]!, 'gane-sarson', kind, centre);
      const r = edit.addNode(s, kind, spot);
      s = editorReducer(s, r.action);
    }
    const nodes = s.doc.diagrams[0]!.nodes;
    expect(nodes).toHaveLength(6);
    const boxes = nodes.map((n) => ({ ...nodeBox(n, 'gane-sarson'), x: n.x!, y: n.y! }));
    // The first lands on the spot asked for.
    expect(Math.abs(boxes[0]!.x + boxes[0]!.width / 2 - centre.x)).toBeLessThanOrEqual(8);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const gap = Math.max(b.x - (a.x + a.width), a.x - (b.x + b.width), b.y - (a.y + a.height), a.y - (b.y + b.height));
        expect(gap, `${nodes[i]!.code} and ${nodes[j]!.code}`).toBeGreaterThanOrEqual(edit.NEW_SYMBOL_GAP);
      }
    // Near: every symbol is within a few rings of the spot asked for.
    for (const b of boxes) expect(Math.hypot(b.x + b.width / 2 - centre.x, b.y + b.height / 2 - centre.y)).toBeLessThan(700);
  });
});

describe('the store', () => {
  it('tells subscribers what changed, and nothing when nothing did', () => {
    const store = createStore(sibling());
    const seen: string[] = [];
    store.subscribe((s, prev) => seen.push(s.diagramId !== prev.diagramId ? 'level' : s.tab !== prev.tab ? 'tab' : 'other'));
    store.dispatch({ type: 'showDiagram', diagramId: 'l3' });
    store.set({ tab: 'dictionary' });
    store.set({ tab: 'dictionary' });
    store.dispatch({ type: 'undo' });
    expect(seen).toEqual(['level', 'tab']);
  });
});

describe('one restore path', () => {
  it('a stored record is checked like a file: a damaged one is refused with its name, a good one restored', () => {
    const good = { id: 'a', name: '报损', doc: sibling(), rev: 3, updated: 1 };
    const r = restoreStored(good);
    expect(r.ok && r.record.doc.diagrams).toHaveLength(2);
    const bad = restoreStored({ ...good, doc: { format: 'flowbook-dfd', version: 1, diagrams: [{ id: 'x', nodes: [{ id: 'n', kind: 'cloud', label: '' }], flows: [] }] } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.zh).toMatch(/^「报损」已损坏：diagrams\[0\]\.nodes\[0\]\.kind/);
    expect(restoreStored(null).ok).toBe(false);
    expect(restoreStored({ id: 1, name: 'x', doc: {} }).ok).toBe(false);
  });

  it('Mermaid, exercises and files share it', () => {
    expect(restoreDocument('flowchart LR\n  e1[书商] -->|采购单| p1(审核采购单)', 'mermaid').ok).toBe(true);
    expect(restoreDocument('{"format":"flowbook-dfd","version":9,"diagrams":[]}').ok).toBe(false);
    const ex = restoreExercise('x', { title: '练习', scenario: '…', reference: sibling() });
    expect(ex.ok).toBe(true);
    expect(restoreExercise('x', { title: '练习', scenario: '…', reference: { format: 'nope' } }).ok).toBe(false);
  });

  it('older versions are migrated by the table, version by version', () => {
    const v0 = { format: 'flowbook-dfd', version: 0, diagrams: [{ id: 'top', boxes: [{ id: 'e', kind: 'entity', label: '书商' }] }] };
    expect(readDocument(v0).ok).toBe(false);
    const migrations = {
      0: (d: Record<string, unknown>) => ({ ...d, diagrams: (d.diagrams as Array<{ id: string; boxes: unknown[] }>).map((x) => ({ id: x.id, nodes: x.boxes, flows: [] })) }),
    };
    const r = readDocument(v0, { migrations });
    expect(r.ok && r.doc.version).toBe(1);
    expect(r.ok && r.doc.diagrams[0]!.nodes[0]!.label).toBe('书商');
  });
});

describe('exports survive any label the reader accepts', () => {
  it('lone surrogates and control characters give a valid SVG and a data URI', async () => {
    const { diagramSvg, svgDataUri } = await import('../../../src/lib/dfd/export/svg.ts');
    const doc = readDocument({ format: 'flowbook-dfd', version: 1, diagrams: [{ id: 't', nodes: [{ id: 'a', kind: 'entity', label: 'x\ud800y\u0007z\u001b' }], flows: [] }] });
    if (!doc.ok) throw new Error();
    const svg = diagramSvg(doc.doc, 't');
    expect(svg).toContain('x\ufffdy\u2407z\u241b');
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(() => svgDataUri(svg)).not.toThrow();
    // Nothing XML 1.0 cannot hold: no lone surrogate, no U+FFFE/U+FFFF.
    expect(svg).not.toMatch(/[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('a document nested too deeply to be written is refused at import', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 20000; i++) deep = (deep.x = {}) as Record<string, unknown>;
    const r = restoreDocument({ format: 'flowbook-dfd', version: 1, extra: root, diagrams: [{ id: 't', nodes: [], flows: [] }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.zh).toContain('嵌套过深');
  });
});
