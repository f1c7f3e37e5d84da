import { describe, expect, it } from 'vitest';
import { contrastPairs, darkTheme, lightTheme } from '../../../src/lib/mermaid/theme.ts';
import { contrastRatio } from '../../../src/lib/color.ts';

describe('diagram themes', () => {
  for (const theme of [lightTheme, darkTheme]) {
    for (const [what, fg, bg] of contrastPairs(theme)) {
      it(`${theme.name}: ${what} reaches WCAG AA (4.5:1)`, () => {
        expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
      });
    }
    it(`${theme.name}: node fills are never black`, () => {
      expect(String(theme.variables.primaryColor).toLowerCase()).not.toBe('#000000');
      expect(contrastRatio(String(theme.variables.primaryColor), theme.background)).toBeLessThan(3);
    });
  }
});
