/** The modeller's workspace: the minimap, the findings button, the skip link, English punctuation. */
import { test, expect } from '@playwright/test';
import { addSymbol, findings, openModeller } from '../fixtures/editor/support.ts';

test('the minimap is off by default and toggles from the canvas controls', async ({ page }) => {
  await openModeller(page);
  await addSymbol(page, '外部实体', '书商');
  await expect(page.locator('.fb-minimap')).toHaveCount(0);
  const toggle = page.getByRole('button', { name: '缩略图' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('.fb-minimap')).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(page.locator('.fb-minimap')).toHaveCount(0);
});

test('the findings count button takes focus to the findings; a skip link jumps past them', async ({ page }) => {
  await openModeller(page);
  await addSymbol(page, '处理', '审核');
  await page.locator('.fb-counts').click();
  await expect(findings(page).getByRole('heading', { name: '校验结果' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  const skip = page.getByRole('link', { name: '跳过校验结果，转到属性' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: '属性' })).toBeFocused();
});

test('the English modeller writes English punctuation', async ({ page }) => {
  await openModeller(page, '/en/modeller/');
  await page.getByRole('group', { name: 'Symbols' }).getByRole('button', { name: 'Process', exact: true }).click();
  await page.keyboard.press('Escape');
  const panel = page.getByRole('region', { name: 'Validation results' });
  await expect(panel).toContainText(/Errors \(\d+\)/);
  await expect(panel).not.toContainText(/[（）：]/);
});
