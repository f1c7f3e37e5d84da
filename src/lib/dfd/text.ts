/**
 * Label text: the comparison the format prescribes (dfd-format.md, "Reading rules") and the
 * looser one grading adds (Traditional → Simplified characters).
 */
import * as OpenCC from 'opencc-js/t2cn';

/**
 * Trims, folds full-width letters, digits and spaces to half-width, and collapses runs of
 * whitespace to one space. Other characters (Chinese punctuation included) are kept.
 */
export function normalizeLabel(s: string): string {
  // Fast path: nothing to fold or collapse.
  if (!/[\s\u3000\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) {
      out += String.fromCodePoint(c - 0xfee0);
    } else if (c === 0x3000) {
      out += ' ';
    } else {
      out += ch;
    }
  }
  return out.replace(/\s+/gu, ' ').trim();
}

/** True when a label is empty after normalising. */
export function isBlank(s: string | undefined): boolean {
  return s === undefined || normalizeLabel(s) === '';
}

let toCn: ((s: string) => string) | undefined;

/** Traditional (including Taiwan and Hong Kong forms) → Simplified Chinese characters. */
export function toSimplified(s: string): string {
  toCn ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return toCn(s);
}

/** The key under which grading compares two labels: normalised, then Simplified. */
export function gradeKey(s: string | undefined): string {
  return toSimplified(normalizeLabel(s ?? ''));
}
