/**
 * Ids and labels are data (issue 17, point 7): React Flow gets an id it can put in a CSS selector
 * whatever the document's id is, and gives it back exactly; a file name made from any label or id
 * holds no path, control, bidi override or lone surrogate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromRfId, rfId } from '../../src/editor/canvas/elements.ts';
import { fileStem } from '../../src/editor/io/download.ts';

const HOSTILE = [
  'a"b',
  "a'b",
  'x]y',
  '[data-id]',
  '<img src=x onerror=alert(1)>',
  'a\\b',
  '\ud800',
  '\udc00x',
  '~0041',
  '',
  ' ',
  'n1',
  'P1.2',
  '\u202egpj.exe',
  '../../etc/passwd',
  'CON',
  'a\nb',
];
const anyId = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 24 }), fc.string({ unit: 'grapheme', maxLength: 8 }));

describe('ids for React Flow', () => {
  it('are safe in a CSS attribute selector unescaped, and come back exactly', () => {
    fc.assert(
      fc.property(anyId, (id) => {
        const r = rfId(id);
        expect(r).toMatch(/^[A-Za-z0-9_.:~-]+$/);
        expect(fromRfId(r)).toBe(id);
      }),
      { numRuns: 1000 },
    );
  });

  it('two different ids never get the same React Flow id', () => {
    fc.assert(
      fc.property(anyId, anyId, (a, b) => {
        if (a !== b) expect(rfId(a)).not.toBe(rfId(b));
      }),
      { numRuns: 1000 },
    );
  });

  it('plain ids are kept as they are (tests and the DOM read them)', () => {
    for (const id of ['n1', 'f-2', 'd0.1', 'P1:x']) expect(rfId(id)).toBe(id);
  });
});

describe('file names from labels and ids', () => {
  it('hold no separator, reserved character, control, bidi control or lone surrogate, and are short', () => {
    fc.assert(
      fc.property(fc.option(anyId, { nil: undefined }), anyId, (title, fallback) => {
        const stem = fileStem(title, fallback);
        expect(stem.length).toBeGreaterThan(0);
        expect([...stem].length).toBeLessThanOrEqual(80);
        expect(stem).not.toMatch(/[\\/:*?"<>|\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f]/);
        expect(stem).not.toMatch(/^\./);
        expect(stem.isWellFormed()).toBe(true);
        expect(stem).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps Chinese and other letters', () => {
    expect(fileStem('进书 业务/流程')).toBe('进书-业务-流程');
    expect(fileStem('\u202egpj.exe')).toBe('gpj.exe');
    expect(fileStem('..', 'a"b')).toBe('a-b');
    expect(fileStem('CON')).toBe('_CON');
  });
});
