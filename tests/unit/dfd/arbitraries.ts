/** fast-check generators of DFD documents, labels included that are hard on every format. */
import fc from 'fast-check';
import { readDocument, type DfdDocument } from '../../../src/lib/dfd/index.ts';

export const NASTY_LABELS = [
  '书商',
  '审核采购单',
  'a "quoted" label',
  "it's",
  '[brackets] (parens) {braces}',
  'hash # semi ; pipe | caret ^',
  '#35; #quot; &amp; &lt;',
  '<b>bold</b> <script>alert(1)</script>',
  'A & B > C < D',
  'line one\nline two',
  'emoji 😀 📦',
  '`backticks` *stars* _under_ ~tilde~',
  'back\\slash \\n %% comment %%{init}%%',
  'style: a#b; c',
  '-- > --> ==> -.-> |x|',
  'end',
  'graph',
  '  spaced   out  ',
  'ＡＢＣ１２３　全角',
  '審核採購單',
  'ﬂ°°34¶ß',
  'x:::cls',
  '@{ shape: rect }',
];

export const labelArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_LABELS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);

const codeArb = fc.option(fc.constantFrom('E1', 'E2', 'P0', 'P1', 'P2', 'P3.1', 'D1', 'S02', 'F1', 'F3.2', 'X', ''), { nil: undefined });
const kindArb = fc.constantFrom('entity', 'process', 'store');

/** Any document readDocument accepts (already repaired), with dangling flows and odd refines. */
export const documentArb: fc.Arbitrary<DfdDocument> = fc
  .record({
    title: fc.option(labelArb, { nil: undefined }),
    notation: fc.option(fc.constantFrom('gane-sarson', 'yourdon'), { nil: undefined }),
    codes: fc.option(fc.record({ store: fc.constantFrom('S', 'D') }), { nil: undefined }),
    diagrams: fc.array(
      fc.record({
        title: fc.option(labelArb, { nil: undefined }),
        level: fc.option(fc.constantFrom('context', 'level'), { nil: undefined }),
        refines: fc.option(fc.record({ diagram: fc.constantFrom('d0', 'd1', 'd2', 'zz'), process: fc.constantFrom('n0', 'n1', 'n2', 'n5', 'zz') }), { nil: undefined }),
        nodes: fc.array(
          fc.record({
            kind: kindArb,
            label: labelArb,
            code: codeArb,
            owner: fc.option(labelArb, { nil: undefined }),
            x: fc.option(fc.integer({ min: -500, max: 500 }), { nil: undefined }),
          }),
          { maxLength: 8 },
        ),
        flows: fc.array(fc.record({ from: fc.nat(9), to: fc.nat(9), label: fc.option(labelArb, { nil: undefined }), code: codeArb }), { maxLength: 12 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    dictionary: fc.option(
      fc.array(fc.record({ name: labelArb, kind: fc.constantFrom('flow', 'store'), aliases: fc.option(fc.array(labelArb, { maxLength: 2 }), { nil: undefined }) }), {
        maxLength: 3,
      }),
      { nil: undefined },
    ),
  })
  .map((raw) => {
    const strip = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
    const doc = strip({
      format: 'flowbook-dfd',
      version: 1,
      title: raw.title,
      notation: raw.notation,
      codes: raw.codes,
      diagrams: raw.diagrams.map((d, di) =>
        strip({
          id: `d${di}`,
          title: d.title,
          level: d.level,
          refines: d.refines,
          nodes: d.nodes.map((n, i) => strip({ id: `n${i}`, kind: n.kind, label: n.label, code: n.code, owner: n.owner, x: n.x, y: n.x === undefined ? undefined : 10 })),
          flows: d.flows.map((f, i) => strip({ id: `f${i}`, from: `n${f.from}`, to: `n${f.to}`, label: f.label, code: f.code })),
        }),
      ),
      dictionary: raw.dictionary?.map((e) => strip(e)),
    });
    const r = readDocument(doc);
    if (!r.ok) throw new Error(`generator produced an unreadable document: ${r.error.en}`);
    return r.doc;
  });

/** One diagram whose nodes and flows carry every nasty label (nodes alternate kinds and codes). */
export function nastyDocument(): DfdDocument {
  const r = readDocument({
    format: 'flowbook-dfd',
    version: 1,
    diagrams: [
      {
        id: 'd',
        nodes: NASTY_LABELS.map((label, i) => ({
          id: `n${i}`,
          kind: (['entity', 'process', 'store'] as const)[i % 3],
          label,
          code: i % 2 ? `P${i}` : undefined,
          // Processes carry an executor: another nasty label.
          owner: i % 3 === 1 ? NASTY_LABELS[(i + 5) % NASTY_LABELS.length] : undefined,
        })),
        flows: NASTY_LABELS.map((label, i) => ({ id: `f${i}`, from: `n${i}`, to: `n${(i + 1) % NASTY_LABELS.length}`, label })),
      },
    ],
  });
  if (!r.ok) throw new Error(r.error.en);
  return r.doc;
}

/** Every Unicode space separator (general category Zs), and the other characters JavaScript trims. */
export const SPACE_SEPARATORS = [
  '\u0020',
  '\u00A0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200A',
  '\u202F',
  '\u205F',
  '\u3000',
];
const OTHER_HARD = [
  '\t',
  '\n',
  '\r',
  '\v',
  '\f',
  '\u0000',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u2028',
  '\u2029',
  '\uFEFF',
  '\u200B',
  '\u2060',
  '\u2060\u2060',
  '\u202E',
  '\u2066',
  '\u061C',
  '\uFF02',
  '\u240D',
  '\u2421',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDFFF',
  '"',
  "'",
  '`',
  '|',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '<',
  '>',
  '&',
  '#',
  ';',
  '%',
  '\\',
  '\\n',
  '\\u2028',
  '<br/>',
  '&amp;',
  '#quot;',
  '-->',
  '@{',
  ':::',
  'E1',
  'F2',
  'P3.1',
  'end',
  'style',
  'classDef',
];
const CJK = ['收', '费', '单', '书商', '審核', '😀', 'Ａ', '１'];

const charArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPACE_SEPARATORS, ...OTHER_HARD, ...CJK) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.constantFrom('a', 'b', 'x', ' ', '1', '.') },
);
export const anyLabelArb = fc.oneof(
  { weight: 6, arbitrary: fc.array(charArb, { maxLength: 10 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_LABELS) },
  { weight: 1, arbitrary: fc.constantFrom(...SPACE_SEPARATORS).map((sp) => `收费${sp}单`) },
);
