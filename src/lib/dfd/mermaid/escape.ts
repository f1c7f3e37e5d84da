/**
 * Label text for Mermaid flowcharts rendered with `htmlLabels: false` (SVG text), which is how the
 * site draws them. Found by rendering, in Mermaid 11:
 *
 * - SVG labels decode only `&amp;`, `&lt;`, `&gt;`; `#quot;`-style entity codes would show as
 *   literal `&quot;`. So `&`, `<`, `>` are written as those three entities and nothing else.
 * - Any `<` would make Mermaid's sanitiser parse the text as HTML and drop tags such as
 *   `<script>…</script>`; with `<` escaped it never does.
 * - `\n` (backslash, n) breaks a line, `#word;` is taken as an entity code, and the private
 *   markers `ﬂ°` and `¶ß` are rewritten: a word joiner (U+2060, invisible) is put inside each.
 * - Node labels go in `@{ label: "…" }`, a YAML string: every character that could end the string
 *   or start a Mermaid directive (`"`, `\`, `#`, `%`) and control characters are YAML escapes,
 *   so any text, `"` included, is kept exactly; `labelType: string` keeps Markdown off.
 * - Edge labels go in `|"…"|`, which cannot hold `"` at all: there `"` becomes `＂` (U+FF02);
 *   line breaks become `<br/>`; `%%` (a directive or comment to Mermaid) and a leading backtick
 *   (which would open a Markdown string) get a word joiner too.
 *
 * Reversible (issue 17, point 4): fromMermaid gives back every label exactly (after trimming). A
 * single word joiner is a *marker*, and a word joiner that was in the text is written twice, so a
 * run of n joiners holds n/2 (rounded down) of the text's own and, when n is odd, one marker. A
 * marker before the next character means:
 * - before `＂` (edge labels): the text had `"` there (a `＂` without a marker is the text's own);
 * - before a control picture (U+2400–U+241F, U+2421): the text had that control character (C0
 *   controls other than line feed and tab, and DEL, which are not allowed in SVG/XML text or end a
 *   line); a control picture without a marker is the text's own;
 * - before `\uXXXX`: the text had that UTF-16 unit (C1 controls, U+2028/9, U+FFFE/F, lone
 *   surrogates: characters XML or a line-based reader cannot take);
 * - before anything else: nothing (it only breaks a sequence Mermaid would read, as above, or stops
 *   a first word that looks like a code from being read as the element's code).
 * All other characters, every Unicode space separator included, are written as they are.
 */

export const WORD_JOINER = '\u2060';
export const EDGE_QUOTE = '\uFF02';

/** Control pictures: U+2400 + C0 code, U+2421 for DEL. */
function picture(cp: number): string {
  return String.fromCharCode(cp === 0x7f ? 0x2421 : 0x2400 + cp);
}

function isLone(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = s.charCodeAt(i + 1);
    return !(d >= 0xdc00 && d <= 0xdfff);
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    const b = s.charCodeAt(i - 1);
    return !(b >= 0xd800 && b <= 0xdbff);
  }
  return false;
}

type Context = 'node' | 'edge' | 'line';

/**
 * Marks the characters no context can hold (see the module comment): word joiners doubled, control
 * characters as marker + control picture, characters XML cannot hold as marker + `\uXXXX`, and, in
 * edge labels, `"` as marker + `＂`. Line feeds are kept in node and edge text (each context writes
 * them its own way) and marked in a line of its own.
 */
function markChars(text: string, ctx: Context): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const cp = text.charCodeAt(i);
    if (ch === WORD_JOINER) out += WORD_JOINER + WORD_JOINER;
    else if (ch === '"' && ctx === 'edge') out += WORD_JOINER + EDGE_QUOTE;
    else if ((cp < 0x20 && !(ch === '\t' || (ch === '\n' && ctx !== 'line'))) || cp === 0x7f) out += WORD_JOINER + picture(cp);
    else if ((cp >= 0x80 && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029 || cp === 0xfffe || cp === 0xffff || isLone(text, i)) out += WORD_JOINER + '\\u' + hex(cp, 4);
    else out += ch;
  }
  return out;
}

/** Makes marked text safe for Mermaid's SVG label pipeline (both node and edge labels). */
export function svgSafe(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\(?=[nN])/g, '\\' + WORD_JOINER)
    .replace(/ﬂ(?=°)/g, 'ﬂ' + WORD_JOINER)
    .replace(/¶(?=ß)/g, '¶' + WORD_JOINER);
}

/**
 * Undoes markChars (and, unless `line`, svgSafe's three entities): the exact text. Hand-typed
 * text without markers comes back as it is, `&amp;`/`&lt;`/`&gt;` decoded.
 */
export function unmark(source: string, options: { entities?: boolean } = {}): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    if (source[i] !== WORD_JOINER) {
      out += source[i]!;
      i++;
      continue;
    }
    let r = 0;
    while (source[i] === WORD_JOINER) {
      r++;
      i++;
    }
    out += WORD_JOINER.repeat(r >> 1);
    if (!(r & 1)) continue;
    const c = source.charCodeAt(i);
    if (c === 0xff02) {
      out += '"';
      i++;
    } else if ((c >= 0x2400 && c <= 0x241f) || c === 0x2421) {
      out += String.fromCharCode(c === 0x2421 ? 0x7f : c - 0x2400);
      i++;
    } else if (source[i] === '\\' && source[i + 1] === 'u' && /^[0-9A-Fa-f]{4}$/.test(source.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16));
      i += 6;
    }
  }
  return options.entities === false ? out : out.replace(/&(amp|lt|gt);/g, (_, e: string) => (e === 'amp' ? '&' : e === 'lt' ? '<' : '>'));
}

function hex(cp: number, width: number): string {
  return cp.toString(16).toUpperCase().padStart(width, '0');
}

/** A YAML double-quoted scalar holding `text` exactly, safe inside Mermaid `@{ … }`. */
export function yamlQuoted(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const cp = text.charCodeAt(i);
    if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '"' || ch === '\\' || ch === '#' || ch === '%' || ch === '}' || ch === '^') out += '\\x' + hex(cp, 2);
    else if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0)) out += '\\x' + hex(cp, 2);
    else if (cp === 0x2028 || cp === 0x2029 || cp === 0xfeff || (cp >= 0xd800 && cp <= 0xdfff && !isPair(text, i))) out += '\\u' + hex(cp, 4);
    else if (cp >= 0xd800 && cp <= 0xdbff) {
      out += ch + text[i + 1]!;
      i++;
    } else out += ch;
  }
  return out + '"';
}

function isPair(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = s.charCodeAt(i + 1);
    return d >= 0xdc00 && d <= 0xdfff;
  }
  return false;
}

/** A node label's text, marked and svgSafe, before it is quoted. `protect`: a marker first (see toMermaid). */
export function nodeLabelBody(text: string, protect = false): string {
  return (protect ? WORD_JOINER : '') + svgSafe(markChars(text, 'node'));
}

/** Node label: marked, svgSafe, then a YAML string. `protect`: a marker first (see toMermaid). */
export function nodeLabelSource(text: string, protect = false): string {
  return yamlQuoted(nodeLabelBody(text, protect));
}

/** Text on a line of its own (accTitle): marked, no entity codes, no `%%` directives or comments. */
export function lineText(text: string): string {
  const t = markChars(text.trim(), 'line')
    .replace(/#(?=\w+;)/g, '#' + WORD_JOINER)
    .replace(/%(?=%)/g, '%' + WORD_JOINER);
  // A reader drops a statement's last ';': a marker after it keeps it.
  return t.endsWith(';') ? t + WORD_JOINER : t;
}

/** Edge label: the inside of `|"…"|`. `protect`: a marker first (see toMermaid). */
export function edgeLabelSource(text: string, protect = false): string {
  let t = svgSafe(markChars(text, 'edge'))
    .replace(/#(?=\w+;)/g, '#' + WORD_JOINER)
    .replace(/%(?=%)/g, '%' + WORD_JOINER);
  // Mermaid strips the last ';' of a line matching /style.*:\S*#.*;/ (or classDef): break the keyword.
  if (t.includes('#')) t = t.replace(/style/g, 'sty' + WORD_JOINER + 'le').replace(/classDef/g, 'class' + WORD_JOINER + 'Def');
  // `"` followed by a backtick would open a Markdown string.
  if (protect || t.startsWith('`')) t = WORD_JOINER + t;
  return t.replace(/\n/g, '<br/>');
}

/**
 * The text a reader sees for a label written by nodeLabelSource/edgeLabelSource, as Mermaid's SVG
 * labels show it: lines split at line breaks, `&amp;`/`&lt;`/`&gt;` decoded, word joiners gone.
 * Used by fromMermaid (and by tests, to compare with what Mermaid parsed).
 */
export function displayText(source: string): string {
  return source
    .split(/\\n|\n|<br\s*\/?>/i)
    .map((line) => line.replace(new RegExp(WORD_JOINER, 'g'), '').replace(/&(amp|lt|gt);/g, (_, e: string) => (e === 'amp' ? '&' : e === 'lt' ? '<' : '>')))
    .join('\n');
}
