import { describe, expect, it } from 'vitest';
import { numeralValue, numeralsToDigits, searchQuery } from '../../src/lib/search/query.ts';
import { toSimplifiedPhrases as toSimplified } from '../../src/lib/search/simplify.ts';

describe('search query', () => {
  it('reads Chinese numerals up to 九十九', () => {
    expect(['一', '三', '十', '十五', '二十', '二十五', '两', '九十九'].map(numeralValue)).toEqual([1, 3, 10, 15, 20, 25, 2, 99]);
    expect(numeralValue('两十')).toBeUndefined();
    expect(numeralValue('百')).toBeUndefined();
  });

  it('turns numerals before a unit of time into digits, and only those', () => {
    expect(numeralsToDigits('三个工作日')).toBe('3个工作日');
    expect(numeralsToDigits('十五天内')).toBe('15天内');
    expect(numeralsToDigits('两个月')).toBe('2个月');
    expect(numeralsToDigits('三级项目组织')).toBe('三级项目组织');
    expect(numeralsToDigits('一式两份')).toBe('一式两份');
    expect(numeralsToDigits('统一')).toBe('统一');
  });

  it('makes Traditional queries Simplified', () => {
    const q = (s: string) => searchQuery(s, toSimplified);
    expect(q('驗收')).toBe('验收');
    expect(q('專案')).toBe('项目');
    expect(q('資料')).toBe('数据');
    expect(q('軟體')).toBe('软件');
    expect(q('上線')).toBe('上线');
    expect(q('三個工作日')).toBe('3个工作日');
    expect(q('3 个工作日')).toBe('3个工作日');
  });
});
