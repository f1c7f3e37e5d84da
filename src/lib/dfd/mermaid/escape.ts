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
 */

export const WORD_JOINER = '\u2060';
export const EDGE_QUOTE = '\uFF02';

/** Makes text safe for Mermaid's SVG label pipeline (both node and edge labels). */
export function svgSafe(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\(?=[nN])/g, '\\' + WORD_JOINER)
    .replace(/ﬂ(?=°)/g, 'ﬂ' + WORD_JOINER)
    .replace(/¶(?=ß)/g, '¶' + WORD_JOINER);
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

/** Node label: svgSafe, then a YAML string. */
export function nodeLabelSource(text: string): string {
  return yamlQuoted(svgSafe(text));
}

/** Text on a line of its own (accTitle): no entity codes, no `%%` directives or comments. */
export function lineText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/#(?=\w+;)/g, '#' + WORD_JOINER)
    .replace(/%(?=%)/g, '%' + WORD_JOINER);
}

/** Edge label: the inside of `|"…"|`. */
export function edgeLabelSource(text: string): string {
  let t = svgSafe(text.replace(/\u00A0/g, ' '))
    .replace(/"/g, EDGE_QUOTE)
    .replace(/#(?=\w+;)/g, '#' + WORD_JOINER)
    .replace(/%(?=%)/g, '%' + WORD_JOINER);
  // Mermaid strips the last ';' of a line matching /style.*:\S*#.*;/ (or classDef): break the keyword.
  if (t.includes('#')) t = t.replace(/style/g, 'sty' + WORD_JOINER + 'le').replace(/classDef/g, 'class' + WORD_JOINER + 'Def');
  // `"` followed by a backtick would open a Markdown string.
  if (t.startsWith('`')) t = WORD_JOINER + t;
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
