/**
 * Traditional Chinese, with Taiwan phrases, to Simplified Chinese with mainland terms (專案 → 项目,
 * 軟體 → 软件, 資料 → 数据): what a search query needs, since the pages use mainland terms.
 * (Grading uses the character-level toSimplified in src/lib/dfd/text.ts.)
 */
import * as OpenCC from 'opencc-js/t2cn';

let convert: ((s: string) => string) | undefined;

export function toSimplifiedPhrases(s: string): string {
  convert ??= OpenCC.Converter({ from: 'twp', to: 'cn' });
  return convert(s);
}
