/**
 * Mermaid flowchart text → DFD document (one diagram): reads what toMermaid writes (shapes in
 * `@{ … }`, `|"…"|` edge labels, edge ids) and the plain forms people type (`A[书商]`,
 * `B(处理)`, `C[(存储)]`, `A -->|x| B`, `A -- x --> B`). Shapes map back to kinds: rectangle →
 * entity; rounded, stadium, circle, divided rectangle → process; lined rectangle (the Gane-Sarson
 * store with its id cell), datastore, cylinders, stored-data, internal storage → store.
 * A node's first line is its code when it looks like one (E1, P3.1, S02), and so is the first word
 * of a line "D1 │ 库存帐" (or "D1 | 库存帐", "D1\u3000库存帐"); likewise a flow's first word. In a
 * process written by toMermaid, the line after a marked `<br/>` is the executor (owner). The
 * notation is read from the shapes: circles and datastores are Yourdon, rounded processes and
 * lined-rectangle stores Gane-Sarson. Never throws: an unreadable line is a ReadResult error naming it.
 */
import type { DfdDocument, DfdFlow, DfdNode, NodeKind } from '../../../schemas/dfd.ts';
import { readDocument, type ReadResult } from '../read.ts';
import { unmark, WORD_JOINER } from './escape.ts';

import { CELL_LINE, CODE, OWNER_BREAK } from './to-mermaid.ts';
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
  'lin-rect': 'store',
  'lined-rectangle': 'store',
  'lined-process': 'store',
  'lin-proc': 'store',
  'shaded-process': 'store',
  'win-pane': 'store',
  'internal-storage': 'store',
  'window-pane': 'store',
  'div-rect': 'process',
  'div-proc': 'process',
  'divided-rectangle': 'process',
  'divided-process': 'process',
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

/** Lines of a label's source: real line breaks, `\n` and `<br>` (a marker keeps a `\n` of the text). */
const LINE_BREAK = /\\n|\n|<br\s*\/?>/i;

/** The exact text of a label's source (lines joined, markers and entities undone). */
function labelText(source: string): string {
  return source
    .split(new RegExp(LINE_BREAK, 'gi'))
    .map((l) => unmark(l))
    .join('\n');
}

/**
 * Splits a node's source text into code and label. The split is made before markers are undone,
 * so a label whose first line only looks like a code (written with a marker first) stays a label.
 */
function splitNodeText(source: string): { code?: string; label: string } {
  const m = LINE_BREAK.exec(source);
  const first = (m ? source.slice(0, m.index) : source).trimStart();
  if (m && CODE.test(first.trimEnd())) return { code: first.trimEnd(), label: labelText(source.slice(m.index + m[0].length)).trim() };
  // A store's id cell: "D1 │ 库存帐" on the first line (its end kept: the label's own spaces).
  const cell = CELL_LINE.exec(first);
  if (cell) return { code: cell[1]!, label: labelText(cell[2]! + (m ? source.slice(m.index) : '')).trim() };
  return { label: labelText(source).trim() };
}

/**
 * A process's executor: what follows the last `<br/>` written after a marker (an odd run of word
 * joiners; the text's own joiners are doubled and its own `<` is always `&lt;`), and the rest.
 */
function splitOwner(source: string): { rest: string; owner?: string } {
  const at = source.lastIndexOf(OWNER_BREAK);
  if (at < 0) return { rest: source };
  let run = 1;
  while (source[at - run] === WORD_JOINER) run++;
  if (run % 2 === 0) return { rest: source };
  const owner = labelText(source.slice(at + OWNER_BREAK.length)).trim();
  return owner ? { rest: source.slice(0, at), owner } : { rest: source.slice(0, at) };
}

/** Splits a flow's source text into code and label (before markers are undone, as for nodes). */
function splitFlowText(source: string): { code?: string; label: string } {
  const t = source.trim();
  const m = /^(\S+)\s+([\s\S]+)$/.exec(t);
  if (m && CODE.test(m[1]!)) return { code: m[1]!, label: labelText(m[2]!).trim() };
  if (CODE.test(t) && /^[A-Za-z]*[Ff]/.test(t)) return { code: t, label: '' };
  return { label: labelText(t).trim() };
}

function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1);
  return t;
}

function docId(mermaidId: string): string {
  return mermaidId.startsWith('n_') && mermaidId.length > 2 ? mermaidId.slice(2) : mermaidId;
}

const CLASSIC: Array<[RegExp, NodeKind, string]> = [
  [new RegExp(`^(${ID})\\[\\((.*)\\)\\]$`), 'store', 'cyl'],
  [new RegExp(`^(${ID})\\(\\((.*)\\)\\)$`), 'process', 'circle'],
  [new RegExp(`^(${ID})\\(\\[(.*)\\]\\)$`), 'process', 'stadium'],
  [new RegExp(`^(${ID})\\[(.*)\\]$`), 'entity', 'rect'],
  [new RegExp(`^(${ID})\\((.*)\\)$`), 'process', 'rounded'],
];

const SHAPE_LINE = new RegExp(`^(${ID})@\\{(.*)\\}$`);
const SHAPE_BODY = '(?:\\[\\(.*?\\)\\]|\\(\\(.*?\\)\\)|\\(\\[.*?\\]\\)|\\[.*?\\]|\\(.*?\\))?';
const END = `(${ID}?${SHAPE_BODY})`;
const EDGE_PIPE = new RegExp(`^${END}\\s*(?:\\s(${ID})@)?(-{2,}>|={2,}>|-\\.+->|-{3,})\\s*(?:\\|(.*)\\|)?\\s*${END}$`);
const EDGE_INLINE = new RegExp(`^${END}\\s+(--|==|-\\.)\\s*(.+?)\\s*(-{2,}>|={2,}>|\\.->)\\s*${END}$`);
const IGNORED = /^(classDef|class|style|linkStyle|click|direction|subgraph|end)\b|^accDescr\b/;

/**
 * Bounds on pasted text, so that no paste can freeze the page (one 64 KB line took 5 s in the
 * statement patterns): a statement may be at most MAX_STATEMENT characters outside its quoted
 * labels (a textbook edge or node needs under 100), the whole text at most MAX_TEXT characters.
 */
export const MAX_STATEMENT = 2000;
export const MAX_TEXT = 4 * 1024 * 1024;

export function fromMermaid(text: string): ReadResult {
  if (text.length > MAX_TEXT) {
    return {
      ok: false,
      error: {
        path: '',
        zh: `Mermaid 文本太长（${text.length} 个字符，上限 ${MAX_TEXT}）`,
        en: `the Mermaid text is too long (${text.length} characters, the limit is ${MAX_TEXT})`,
      },
    };
  }
  const nodes = new Map<string, DfdNode>();
  const flows: DfdFlow[] = [];
  const flowIds = new Set<string>();
  let title: string | undefined;
  let header = false;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // The notation the shapes are drawn in, when they say (circles and datastores: Yourdon; rounded
  // processes, lined-rectangle stores: Gane-Sarson); the default when they say both or neither.
  const notations = new Set<'gane-sarson' | 'yourdon'>();
  const vote = (shape: string) => {
    if (shape === 'circle' || shape === 'circ' || shape === 'datastore' || shape === 'data-store') notations.add('yourdon');
    else if (shape === 'rounded' || shape === 'lin-rect' || shape === 'lined-rectangle') notations.add('gane-sarson');
  };
  let inFront = false;
  /** A classic node definition (`A[书商]`, `B(处理)`, `C[(存储)]`), or undefined. */
  const classicNode = (s: string): DfdNode | undefined => {
    for (const [re, kind, shape] of CLASSIC) {
      const c = re.exec(s);
      if (!c) continue;
      vote(shape);
      const { code, label } = splitNodeText(unquote(c[2]!));
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
      const { code, label: l } = splitFlowText(label);
      if (code) f.code = code;
      if (l) f.label = l;
    }
    flows.push(f);
  };
  for (let ln = 0; ln < lines.length; ln++) {
    const raw = lines[ln]!;
    const line = raw.trim().replace(/;$/, '');
    const where = `line ${ln + 1}`;
    const skeleton = line.replace(/"[^"\n]*"/g, '""');
    if (skeleton.length > MAX_STATEMENT) {
      return {
        ok: false,
        error: {
          path: where,
          zh: `第 ${ln + 1} 行太长：引号外有 ${skeleton.length} 个字符，上限 ${MAX_STATEMENT}：${raw.trim().slice(0, 60)}`,
          en: `${where} is too long: ${skeleton.length} characters outside quotes, the limit is ${MAX_STATEMENT}: ${raw.trim().slice(0, 60)}`,
        },
      };
    }
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
        title = unmark(t[1]!, { entities: false }).trim();
        continue;
      }
      if (IGNORED.test(line)) continue;
      // The statement patterns run on the line with each quoted string replaced by a short
      // placeholder, so a long label costs them nothing; captured text gets the strings back.
      const quoted: string[] = [];
      const sk = line.includes('\u0001')
        ? line
        : line.replace(/"[^"\n]*"/g, (q) => {
            quoted.push(q.slice(1, -1));
            return `"\u0001${quoted.length - 1}\u0001"`;
          });
      const back = (x: string) => (quoted.length ? x.replace(/\u0001(\d+)\u0001/g, (_, k: string) => quoted[Number(k)]!) : x);
      const exec = (re: RegExp) => {
        const r = re.exec(sk);
        return r ? r.map((x) => (x === undefined ? x : back(x))) : null;
      };
      let m = exec(SHAPE_LINE);
      if (m) {
        const data = shapeData(m[2]!);
        const shape = (data.shape ?? 'rect').trim();
        const kind = SHAPE_KIND[shape];
        if (!kind)
          throw new LineError(
            `不认识的形状 "${shape}"（外部实体用 rect；处理用 rounded 或 circle；数据存储用 lin-rect 或 datastore）`,
            `unknown shape "${shape}" (use rect for entities, rounded or circle for processes, lin-rect or datastore for stores)`,
          );
        const id = docId(m[1]!);
        const { rest, owner } = kind === 'process' ? splitOwner(data.label ?? m[1]!) : { rest: data.label ?? m[1]! };
        const { code, label } = splitNodeText(rest);
        const node: DfdNode = { id, kind, label };
        if (code) node.code = code;
        if (owner) node.owner = owner;
        vote(shape);
        nodes.set(id, node);
        continue;
      }
      m = exec(EDGE_PIPE);
      if (m) {
        const label = m[4] !== undefined ? unquote(m[4]) : undefined;
        addFlow(m[1]!, m[5]!, label, m[2]);
        continue;
      }
      m = exec(EDGE_INLINE);
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
    ...(notations.size === 1 ? { notation: [...notations][0]! } : {}),
    diagrams: [{ id: 'main', ...(title ? { title } : {}), nodes: [...nodes.values()], flows }],
  };
  return readDocument(doc);
}
