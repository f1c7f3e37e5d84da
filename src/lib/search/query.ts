/**
 * What a search box query becomes before Pagefind sees it. The pages are in Simplified Chinese
 * with deadlines written in digits ("3个工作日"); readers type Traditional characters (驗收, 專案)
 * and Chinese numerals (三个工作日). Pure; the Traditional → Simplified converter is passed in,
 * so the browser can load opencc-js only when search opens.
 */

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A Chinese numeral from 零 to 九十九 as a number (十 = 10, 十五 = 15, 二十 = 20, 二十五 = 25). */
export function numeralValue(s: string): number | undefined {
  const m = /^([一二两三四五六七八九])?(十)?([零〇一二三四五六七八九])?$/u.exec(s);
  if (!m || s === '') return undefined;
  const [, tens, ten, ones] = m;
  if (!ten) return s.length === 1 ? DIGIT[s] : undefined;
  if (tens === '两') return undefined;
  return (tens ? DIGIT[tens]! : 1) * 10 + (ones ? DIGIT[ones]! : 0);
}

/** Units of time that deadlines are counted in. */
const UNIT = '(?:个工作日|个自然日|工作日|个月|个小时|小时|天|周|日)';
const NUMERAL = new RegExp(`([零〇一二两三四五六七八九十]{1,3})(\\s*${UNIT})`, 'gu');

/** 三个工作日 → 3个工作日, 十五天 → 15天; numerals not followed by a unit of time are kept. */
export function numeralsToDigits(q: string): string {
  return q.replace(NUMERAL, (all, n: string, unit: string) => {
    const v = numeralValue(n);
    return v === undefined ? all : `${v}${unit.trim()}`;
  });
}

/** The query Pagefind is given: Simplified characters, deadlines in digits, "3 个" as "3个". */
export function searchQuery(q: string, toSimplified: (s: string) => string = (s) => s): string {
  return numeralsToDigits(toSimplified(q)).replace(/(\d)\s+(?=\p{Script=Han})/gu, '$1');
}

/**
 * Pagefind's ranking for this site (astro.config.mjs, and the search test). Role pages are short
 * and every procedure term recurs across the learn pages, so the defaults put a role page or an
 * exercise above the page a query is about: page length counts little (0.2, default 0.75), and
 * how often a term recurs not at all (0, default 1), so headings and titles decide.
 */
export const PAGEFIND_RANKING = { pageLength: 0.2, termFrequency: 0 } as const;
