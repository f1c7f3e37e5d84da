/**
 * Mermaid flowchart text → DFD document (one diagram): reads what toMermaid writes (shapes in
 * `@{ … }`, `|"…"|` edge labels, edge ids) and the plain forms people type (`A[书商]`,
 * `B(处理)`, `C[(存储)]`, `A -->|x| B`, `A -- x --> B`). Shapes map back to kinds: rectangle →
 * entity; rounded, stadium, circle → process; datastore, cylinders, stored-data → store.
 * A node's first line is its code when it looks like one (E1, P3.1, S02); likewise a flow's first
 * word. Never throws: an unreadable line is a ReadResult error naming it.
 */
import type { DfdDocument, DfdFlow, DfdNode, NodeKind } from '../../../schemas/dfd.ts';
import { readDocument, type ReadResult } from '../read.ts';
import { displayText, EDGE_QUOTE } from './escape.ts';

const CODE = /^[A-Za-z]{1,4}\d+(?:\.\d+)*$/;
const ID = '[A-Za-z0-9_\\-.\\u00C0-\\uFFFF]+';

const SHAPE_KIND: Record<string, NodeKind> = {
  rect: 'entity',
  rectangle: 'entity',
  proc: 'entity',
  process: 'entity',
  rounded: 'process',
  event: 'process',
  stadium: 'process',
  pill: 'process',
  terminal: 'process',
  circle: 'process',
  circ: 'process',
  datastore: 'store',
  'data-store': 'store',
  'bow-rect': 'store',
  'stored-data': 'store',
  'bow-tie-rectangle': 'store',
  cyl: 'store',
  cylinder: 'store',
  db: 'store',
  database: 'store',
  das: 'store',
  'h-cyl': 'store',
  'horizontal-cylinder': 'store',
  'lin-cyl': 'store',
  disk: 'store',
};

class LineError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** Decodes a YAML double-quoted scalar's inside. */
function yamlDouble(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => {
    switch (e[0]) {
      case 'x':
      case 'u':
      case 'U':
        return String.fromCodePoint(parseInt(e.slice(1), 16));
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '0':
        return '\0';
      case '_':
        return '\u00A0';
      case 'N':
        return '\u0085';
      case 'L':
        return '\u2028';
      case 'P':
        return '\u2029';
      default:
        return e;
    }
  });
}

/** Parses `shape: x, label: "…", labelType: string` (a YAML flow mapping's inside). */
function shapeData(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  const ws = () => {
    while (i < body.length && /[\s,]/.test(body[i]!)) i++;
  };
  while (true) {
    ws();
    if (i >= body.length) break;
    const km = /^([A-Za-z_][\w-]*)\s*:\s*/.exec(body.slice(i));
    if (!km) throw new LineError(`无法读取 @{ … } 中的内容「${body.slice(i, i + 20)}」`, `cannot read @{ … } near "${body.slice(i, i + 20)}"`);
    i += km[0].length;
    let value: string;
    if (body[i] === '"') {
      let j = i + 1;
      while (j < body.length && body[j] !== '"') j += body[j] === '\\' ? 2 : 1;
      value = yamlDouble(body.slice(i + 1, j));
      i = j + 1;
    } else if (body[i] === "'") {
      let j = i + 1;
      while (j < body.length && !(body[j] === "'" && body[j + 1] !== "'")) j += body[j] === "'" ? 2 : 1;
      value = body.slice(i + 1, j).replace(/''/g, "'");
      i = j + 1;
    } else {
      const m = /^[^,]*/.exec(body.slice(i))!;
      value = m[0].trim();
      i += m[0].length;
    }
    out[km[1]!] = value;
  }
  return out;
}

/** Splits a node's shown text into code and label. */
function splitNodeText(text: string): { code?: string; label: string } {
  const lines = text.split('\n');
  const first = lines[0]!.trim();
  if (lines.length >= 2 && CODE.test(first)) return { code: first, label: lines.slice(1).join('\n').trim() };
  return { label: text.trim() };
}

/** Splits a flow's shown text into code and label. */
function splitFlowText(text: string): { code?: string; label: string } {
  const t = text.trim();
  const m = /^(\S+)\s+([\s\S]+)$/.exec(t);
  if (m && CODE.test(m[1]!)) return { code: m[1]!, label: m[2]!.trim() };
  if (CODE.test(t) && /^[A-Za-z]*[Ff]/.test(t)) return { code: t, label: '' };
  return { label: t };
}

function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1);
  return t;
}

function docId(mermaidId: string): string {
  return mermaidId.startsWith('n_') && mermaidId.length > 2 ? mermaidId.slice(2) : mermaidId;
}

const CLASSIC: Array<[RegExp, NodeKind]> = [
  [new RegExp(`^(${ID})\\[\\((.*)\\)\\]$`), 'store'],
  [new RegExp(`^(${ID})\\(\\((.*)\\)\\)$`), 'process'],
  [new RegExp(`^(${ID})\\(\\[(.*)\\]\\)$`), 'process'],
  [new RegExp(`^(${ID})\\[(.*)\\]$`), 'entity'],
  [new RegExp(`^(${ID})\\((.*)\\)$`), 'process'],
];

const SHAPE_LINE = new RegExp(`^(${ID})@\\{(.*)\\}$`);
const SHAPE_BODY = '(?:\\[\\(.*?\\)\\]|\\(\\(.*?\\)\\)|\\(\\[.*?\\]\\)|\\[.*?\\]|\\(.*?\\))?';
const END = `(${ID}?${SHAPE_BODY})`;
const EDGE_PIPE = new RegExp(`^${END}\\s*(?:\\s(${ID})@)?(-{2,}>|={2,}>|-\\.+->|-{3,})\\s*(?:\\|(.*)\\|)?\\s*${END}$`);
const EDGE_INLINE = new RegExp(`^${END}\\s+(--|==|-\\.)\\s*(.+?)\\s*(-{2,}>|={2,}>|\\.->)\\s*${END}$`);
const IGNORED = /^(classDef|class|style|linkStyle|click|direction|subgraph|end)\b|^accDescr\b/;

export function fromMermaid(text: string): ReadResult {
  const nodes = new Map<string, DfdNode>();
  const flows: DfdFlow[] = [];
  const flowIds = new Set<string>();
  let title: string | undefined;
  let header = false;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let inFront = false;
  /** A classic node definition (`A[书商]`, `B(处理)`, `C[(存储)]`), or undefined. */
  const classicNode = (s: string): DfdNode | undefined => {
    for (const [re, kind] of CLASSIC) {
      const c = re.exec(s);
      if (!c) continue;
      const { code, label } = splitNodeText(displayText(unquote(c[2]!)));
      const node: DfdNode = { id: docId(c[1]!), kind, label };
      if (code) node.code = code;
      return node;
    }
    return undefined;
  };
  /** An edge end: a node id, or a node defined in place. Returns the document id. */
  const ensure = (end: string) => {
    const defined = classicNode(end);
    if (defined) {
      nodes.set(defined.id, defined);
      return defined.id;
    }
    const id = docId(end);
    if (!nodes.has(id)) nodes.set(id, { id, kind: 'entity', label: end });
    return id;
  };
  const addFlow = (from: string, to: string, label: string | undefined, mid?: string) => {
    let id = mid ? (mid.startsWith('f_') && mid.length > 2 ? mid.slice(2) : mid) : '';
    if (!id || flowIds.has(id)) {
      let k = flows.length + 1;
      while (flowIds.has(`f${k}`)) k++;
      id = `f${k}`;
    }
    flowIds.add(id);
    const f: DfdFlow = { id, from: ensure(from), to: ensure(to) };
    if (label !== undefined) {
      const { code, label: l } = splitFlowText(displayText(label.replaceAll(EDGE_QUOTE, '"')));
      if (code) f.code = code;
      if (l) f.label = l;
    }
    flows.push(f);
  };
  for (let ln = 0; ln < lines.length; ln++) {
    const raw = lines[ln]!;
    const line = raw.trim().replace(/;$/, '');
    const where = `line ${ln + 1}`;
    try {
      if (ln === 0 && line === '---') {
        inFront = true;
        continue;
      }
      if (inFront) {
        if (line === '---') inFront = false;
        else {
          const m = /^title:\s*(.*)$/.exec(line);
          if (m) title = unquote(m[1]!);
        }
        continue;
      }
      if (line === '' || line.startsWith('%%')) continue;
      if (!header) {
        if (!/^(flowchart|graph)\b/.test(line)) {
          return {
            ok: false,
            error: { path: where, zh: `第 ${ln + 1} 行：不是 Mermaid 流程图（应以 flowchart 开头）`, en: `${where}: not a Mermaid flowchart (it should start with "flowchart")` },
          };
        }
        header = true;
        continue;
      }
      const t = /^accTitle\s*:\s*(.*)$/.exec(line);
      if (t) {
        title = displayText(t[1]!).trim();
        continue;
      }
      if (IGNORED.test(line)) continue;
      let m = SHAPE_LINE.exec(line);
      if (m) {
        const data = shapeData(m[2]!);
        const shape = (data.shape ?? 'rect').trim();
        const kind = SHAPE_KIND[shape];
        if (!kind)
          throw new LineError(
            `不认识的形状 "${shape}"（外部实体用 rect，处理用 rounded，数据存储用 datastore）`,
            `unknown shape "${shape}" (use rect for entities, rounded for processes, datastore for stores)`,
          );
        const id = docId(m[1]!);
        const { code, label } = splitNodeText(displayText(data.label ?? m[1]!));
        const node: DfdNode = { id, kind, label };
        if (code) node.code = code;
        nodes.set(id, node);
        continue;
      }
      m = EDGE_PIPE.exec(line);
      if (m) {
        const label = m[4] !== undefined ? unquote(m[4]) : undefined;
        addFlow(m[1]!, m[5]!, label, m[2]);
        continue;
      }
      m = EDGE_INLINE.exec(line);
      if (m) {
        addFlow(m[1]!, m[5]!, unquote(m[3]!));
        continue;
      }
      const node = classicNode(line);
      if (node) {
        nodes.set(node.id, node);
        continue;
      }
      if (new RegExp(`^${ID}$`).test(line)) {
        ensure(line);
        continue;
      }
      throw new LineError('无法识别的语句', 'unrecognised statement');
    } catch (e) {
      const zh = e instanceof LineError ? e.zh : String(e);
      const en = e instanceof LineError ? e.en : String(e);
      return { ok: false, error: { path: where, zh: `第 ${ln + 1} 行：${zh}：${raw.trim().slice(0, 60)}`, en: `${where}: ${en}: ${raw.trim().slice(0, 60)}` } };
    }
  }
  if (!header) {
    return { ok: false, error: { path: '', zh: '不是 Mermaid 流程图：没有 flowchart 开头的一行', en: 'not a Mermaid flowchart: no line starts with "flowchart"' } };
  }
  const doc: DfdDocument = {
    format: 'flowbook-dfd',
    version: 1,
    diagrams: [{ id: 'main', ...(title ? { title } : {}), nodes: [...nodes.values()], flows }],
  };
  return readDocument(doc);
}
