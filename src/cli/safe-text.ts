/**
 * Text the command line prints comes partly from students' files (labels, ids, file names). A
 * terminal obeys control characters, so a label holding ESC sequences could clear the teacher's
 * screen or print a fake summary, and bidi controls can reorder what a line seems to say. Every
 * such character is shown as a visible escape instead (`\x1B`, `\u202E`), and a line break inside
 * a label as `\n`, so one finding is always one line.
 *
 * Escaped: C0 controls (U+0000–U+001F), DEL, C1 controls (U+0080–U+009F; U+009B is CSI to some
 * terminals), the bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), the line
 * and paragraph separators U+2028/U+2029 and lone surrogates.
 */

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** What JSON.stringify leaves raw of UNSAFE (it escapes C0 controls and lone surrogates itself). */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function hex(cp: number, width: number): string {
  return cp.toString(16).toUpperCase().padStart(width, '0');
}

/** `s` with every terminal-unsafe character written as a visible escape. */
export function terminalSafe(s: string): string {
  return s.replace(UNSAFE, (ch) => {
    const named = NAMED[ch];
    if (named) return named;
    const cp = ch.charCodeAt(0);
    return cp < 0x100 ? `\\x${hex(cp, 2)}` : `\\u${hex(cp, 4)}`;
  });
}

/**
 * JSON text with the same characters as `\uXXXX` escapes: JSON.stringify already escapes C0
 * controls, but leaves C1, bidi controls and U+2028/9 raw. The result parses to the same value.
 */
export function jsonSafe(json: string): string {
  return json.replace(JSON_UNSAFE, (ch) => `\\u${hex(ch.charCodeAt(0), 4).toLowerCase()}`);
}

/**
 * A CSV field that a spreadsheet shows as text, whatever it holds:
 * - a cell starting with `=`, `+`, `-`, `@`, a tab or CR gets a `'` before it;
 * - inside the cell, `=`, `+`, `-`, `@` right after a separator that some locale's spreadsheet uses
 *   (`,` or `;`, then any spaces) get a `'` too, so `x;=1+2;` read with `;` as the separator gives
 *   the cell `'=1+2`, not a formula (tabs and line breaks are already escaped as `\t`, `\n`);
 * - the field is quoted when it holds `"`, `,`, `;`, or was defused;
 * - terminal-unsafe characters are escaped (the CSV is often printed to a terminal first).
 * Numbers are written as they are.
 */
export function csvField(v: string | number): string {
  if (typeof v === 'number') return String(v);
  let s = terminalSafe(v);
  let defused = false;
  if (/^[=+\-@\t\r]/.test(v)) {
    s = `'${s}`;
    defused = true;
  }
  const inner = /([,;][ \u00a0\u3000]*)(?=[=+\-@])/g;
  if (inner.test(s)) {
    s = s.replace(inner, "$1'");
    defused = true;
  }
  return defused || /[",;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
