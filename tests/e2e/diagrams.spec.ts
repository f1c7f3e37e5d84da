/** Build-time Mermaid figures: SVG files beside the HTML, themes, text alternative, export controls, weight. */
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, builtHtml, builtPages } from './support/site.ts';

const DIAGRAM_PAGE = '/procedures/';

async function firstFigure(page: Page) {
  const fig = page.locator('figure.fb-diagram').first();
  await expect(fig).toBeVisible();
  return fig;
}

/** The SVG of a diagram file of the built site (`/_diagrams/<hash>-<theme>.svg`). */
function diagramSvg(src: string): string {
  expect(src).toMatch(/^\/_diagrams\/[0-9a-f]{16}-(light|dark)\.svg$/);
  return readFileSync(join(DIST, src), 'utf8');
}

test('a mermaid block is an SVG image file with its text alternative in the built HTML', async ({ page }) => {
  const html = builtHtml(DIAGRAM_PAGE);
  expect(html).toContain('class="fb-diagram not-content"');
  expect(html).not.toContain('language-mermaid');
  await page.goto(DIAGRAM_PAGE);
  const fig = await firstFigure(page);
  const img = fig.locator('img.fb-diagram__img--light');
  await expect(img).toBeVisible();
  const alt = await img.getAttribute('alt');
  expect(alt).toContain('流程制度页面的阅读顺序');
  expect(alt).toContain('责任矩阵');
  await expect(fig.locator('figcaption')).toHaveText('流程制度页面的阅读顺序');
  await expect(img).toHaveAttribute('loading', 'lazy');
  expect(Number(await img.getAttribute('width'))).toBeGreaterThan(0);
  expect(Number(await img.getAttribute('height'))).toBeGreaterThan(0);
  expect(html).not.toContain('data:image/svg+xml');
  const svg = diagramSvg((await img.getAttribute('src'))!);
  expect(svg).toContain('<text');
  expect(svg).not.toContain('<foreignObject');
  expect(svg).toContain('Noto Sans CJK SC');
});

test('diagrams follow Starlight’s theme switch, not only the system setting', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(DIAGRAM_PAGE);
  const fig = await firstFigure(page);
  await expect(fig.locator('.fb-diagram__img--light')).toBeVisible();
  await expect(fig.locator('.fb-diagram__img--dark')).toBeHidden();
  // Switch with Starlight's own theme select.
  await page.locator('starlight-theme-select select').first().selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(fig.locator('.fb-diagram__img--dark')).toBeVisible();
  await expect(fig.locator('.fb-diagram__img--light')).toBeHidden();
});

test('only the shown theme’s diagram files are fetched', async ({ browser, baseURL }) => {
  for (const theme of ['light', 'dark'] as const) {
    const other = theme === 'light' ? 'dark' : 'light';
    // Starlight's theme is "auto" at first, following the system setting.
    const page = await browser.newPage({ baseURL, colorScheme: theme });
    const fetched: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/_diagrams/')) fetched.push(path);
    });
    await page.goto('/learn/exercises/hospital-information/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const img = page.locator(`figure.fb-diagram .fb-diagram__img--${theme}`).first();
    await img.scrollIntoViewIfNeeded();
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    await page.waitForLoadState('networkidle');
    expect(fetched).toContain(await img.getAttribute('src'));
    expect(
      fetched.filter((f) => f.endsWith(`-${other}.svg`)),
      `${other} files fetched in the ${theme} theme`,
    ).toEqual([]);
    // Lazy: the figures far down the page are not fetched until they come near.
    const total = await page.locator(`figure.fb-diagram .fb-diagram__img--${theme}`).count();
    expect(new Set(fetched).size).toBeLessThan(total);
    await page.close();
  }
});

/** Each diagram's SVG: node fills are not black and node text reaches 4.5:1 against its fill. */
function diagramSources(): Array<{ page: string; theme: string; svg: string }> {
  const out: Array<{ page: string; theme: string; svg: string }> = [];
  for (const p of builtPages()) {
    if (p.startsWith('/en/')) continue;
    for (const m of builtHtml(p).matchAll(/<img class="fb-diagram__img fb-diagram__img--(light|dark)" src="([^"]+)"/g)) {
      out.push({ page: p, theme: m[1]!, svg: diagramSvg(m[2]!) });
    }
  }
  return out;
}

test('no shape is filled black and node text contrasts with its fill (every diagram, both themes)', async ({ page }) => {
  const sources = diagramSources();
  expect(sources.length).toBeGreaterThan(0);
  const problems: string[] = [];
  let checkedNodes = 0;
  for (const { page: where, theme, svg } of sources) {
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    const found = await page.evaluate(() => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const lum = (c: string) => {
        const [r, g, b] = rgb(c).map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const ratio = (a: string, b: string) => {
        const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
        return (hi! + 0.05) / (lo! + 0.05);
      };
      const issues: string[] = [];
      let checked = 0;
      for (const node of document.querySelectorAll('g.node')) {
        const shape = node.querySelector('rect.label-container, rect.basic, polygon, circle, ellipse, path');
        const text = node.querySelector('text');
        if (!shape || !text) continue;
        const fill = getComputedStyle(shape).fill;
        if (!fill.startsWith('rgb')) continue;
        checked++;
        if (lum(fill) < 0.005) issues.push(`black fill on「${text.textContent}」`);
        const tf = getComputedStyle(text).fill;
        if (tf.startsWith('rgb') && ratio(tf, fill) < 4.5) {
          issues.push(`low contrast ${ratio(tf, fill).toFixed(2)} on「${text.textContent}」`);
        }
      }
      return { issues, checked };
    });
    checkedNodes += found.checked;
    problems.push(...found.issues.map((f) => `${where} (${theme}): ${f}`));
  }
  expect(checkedNodes).toBeGreaterThan(sources.length);
  expect(problems).toEqual([]);
});

test('download SVG gives a standalone SVG of the whole diagram', async ({ page }) => {
  await page.goto(DIAGRAM_PAGE);
  const fig = await firstFigure(page);
  const link = fig.getByRole('link', { name: '下载 SVG' });
  await link.focus();
  await expect(link).toBeFocused();
  const [download] = await Promise.all([page.waitForEvent('download'), link.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.svg$/);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('<svg')).toBe(true);
  expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(text).toMatch(/<svg[^>]*\swidth="\d+"[^>]*\sheight="\d+"/);
  const ok = await page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
    return !doc.querySelector('parsererror') && doc.documentElement.nodeName === 'svg';
  }, text);
  expect(ok).toBe(true);
});

test('download PNG gives a 2× image with a solid background', async ({ page }) => {
  await page.goto(DIAGRAM_PAGE);
  const fig = await firstFigure(page);
  const width = Number(await fig.getAttribute('data-width'));
  const height = Number(await fig.getAttribute('data-height'));
  const button = fig.getByRole('button', { name: '下载 PNG' });
  await button.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  const buf = readFileSync((await download.path())!);
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(buf.readUInt32BE(16)).toBe(Math.ceil(width * 2));
  expect(buf.readUInt32BE(20)).toBe(Math.ceil(height * 2));
  // Every corner pixel is opaque.
  const alpha = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    return [ctx.getImageData(0, 0, 1, 1).data[3], ctx.getImageData(img.width - 1, img.height - 1, 1, 1).data[3]];
  }, buf.toString('base64'));
  expect(alpha).toEqual([255, 255]);
  await expect(fig.getByRole('status')).toHaveText('已生成 PNG');
});

test('copy Mermaid source puts the diagram text on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(DIAGRAM_PAGE);
  const fig = await firstFigure(page);
  await fig.getByRole('button', { name: '复制 Mermaid 源码' }).click();
  await expect(fig.getByRole('status')).toHaveText('已复制 Mermaid 源码');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toContain('flowchart LR');
  expect(text).toContain('A[目的与范围] --> B[角色与职责]');
});

test('in the dark theme, 下载 PNG gives the light picture, as 下载 SVG does', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
  await page.goto(DIAGRAM_PAGE);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const fig = await firstFigure(page);
  const [download] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: '下载 PNG' }).click()]);
  const buf = readFileSync((await download.path())!);
  // The corner pixel is the light background, and the picture has mostly light pixels.
  const { corner, lightShare } = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let light = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! > 600) light++;
    return { corner: [...ctx.getImageData(0, 0, 1, 1).data], lightShare: light / (data.length / 4) };
  }, buf.toString('base64'));
  expect(corner.slice(0, 3).every((v) => v > 240)).toBe(true);
  expect(lightShare).toBeGreaterThan(0.6);
});

test('when the clipboard is refused, the Mermaid source is shown selected for copying by hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
  });
  await page.goto(DIAGRAM_PAGE);
  const fig = await firstFigure(page);
  await fig.getByRole('button', { name: '复制 Mermaid 源码' }).click();
  await expect(fig.getByRole('status')).toHaveText('无法访问剪贴板，请手动复制下面已选中的源码（Ctrl+C 或 ⌘C）');
  const box = fig.getByRole('textbox', { name: 'Mermaid 源码' });
  await expect(box).toBeFocused();
  await expect(box).toHaveValue(/A\[目的与范围\] --> B\[角色与职责\]/);
  const selected = await box.evaluate((t: HTMLTextAreaElement) => t.value.slice(t.selectionStart, t.selectionEnd));
  expect(selected).toBe(await box.inputValue());
  expect(selected).toContain('flowchart LR');
});

test('a wide diagram scrolls inside its own box on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(DIAGRAM_PAGE);
  const fig = await firstFigure(page);
  const box = await fig.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

/** JavaScript a page loads before any user action: its module scripts and their static imports. */
function initialJs(html: string): { bytes: number; gzip: number; files: string[] } {
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  let inline = '';
  for (const m of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) inline += m[1];
  for (const m of inline.matchAll(/import\s*(?:[^'"]*from\s*)?["'](\/_astro\/[^"']+)["']/g)) queue.push(m[1]!);
  let bytes = Buffer.byteLength(inline);
  let gz = gzipSync(inline).length;
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url) || !url.startsWith('/_astro/')) continue;
    seen.add(url);
    const code = readFileSync(join(DIST, url));
    bytes += code.length;
    gz += gzipSync(code).length;
    for (const m of code.toString('utf8').matchAll(/(?:^|[;\s}])import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+)["']/g)) {
      queue.push('/_astro/' + m[1]);
    }
  }
  return { bytes, gzip: gz, files: [...seen] };
}

test('no built page inlines a diagram as a data URI (the SVGs are files)', async () => {
  // The 150 KB page target is printed by npm run bench, not asserted here.
  const inlined = builtPages().filter((p) => builtHtml(p).includes('data:image/svg+xml'));
  expect(inlined).toEqual([]);
});

test('a page with a diagram loads no Mermaid code and at most 20 KB (gzip) of JavaScript', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(DIAGRAM_PAGE);
  await page.waitForLoadState('networkidle');
  expect(requests.filter((u) => /mermaid/i.test(u))).toEqual([]);
  const js = initialJs(builtHtml(DIAGRAM_PAGE));
  for (const f of js.files) expect(readFileSync(join(DIST, f), 'utf8')).not.toMatch(/mermaid\.initialize|flowchart-v2/);
  expect(js.gzip).toBeLessThanOrEqual(20 * 1024);
});

test('every page with a diagram offers the three export controls', async () => {
  for (const p of builtPages()) {
    const html = builtHtml(p);
    // A compact figure (a procedure's generated charts, src/lib/mermaid/figure.ts) gets its controls
    // from the page's script: the next test.
    const compact = html.match(/<figure class="fb-diagram[^"]*"[^>]*data-source="/g)?.length ?? 0;
    const figures = (html.match(/<figure class="fb-diagram/g)?.length ?? 0) - compact;
    if (!figures) continue;
    expect((html.match(/data-action="svg"/g) ?? []).length, p).toBe(figures);
    expect((html.match(/data-action="png"/g) ?? []).length, p).toBe(figures);
    // A business flow chart (data-kind="bfc") is drawn from its .bfc.json: no Mermaid source to copy.
    const charts = html.match(/<figure class="fb-diagram[^"]*"[^>]*data-kind="bfc"/g)?.length ?? 0;
    expect((html.match(/data-action="copy"/g) ?? []).length, p).toBe(figures - charts);
  }
});

test('a compact figure gets its dark picture and export controls from the script, and copies its source from its file', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/procedures/is-internal-control/');
  const figures = page.locator('figure.fb-diagram[data-source]');
  const n = await figures.count();
  expect(n).toBeGreaterThan(5);
  for (let i = 0; i < n; i++) {
    const fig = figures.nth(i);
    await expect(fig.locator('.fb-diagram__img--dark')).toHaveCount(1);
    await expect(fig.locator('.fb-diagram__img--dark')).toHaveAttribute('alt', (await fig.locator('.fb-diagram__img--light').getAttribute('alt'))!);
    for (const action of ['zoom', 'svg', 'png', 'copy']) await expect(fig.locator(`[data-action="${action}"]`)).toHaveCount(1);
    await expect(fig.locator('a[data-action="svg"]')).toHaveAttribute('href', (await fig.locator('.fb-diagram__img--light').getAttribute('src'))!);
  }
  const lane = figures.nth(1);
  await lane.getByRole('button', { name: '复制 Mermaid 源码' }).click();
  await expect(lane.getByRole('status')).toHaveText('已复制 Mermaid 源码');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toContain('flowchart TD');
  expect(text).toContain('1.1 建立信息化管理体系');
});

test('the English interface labels the export controls in English', async ({ page }) => {
  await page.goto('/en' + DIAGRAM_PAGE);
  const fig = await firstFigure(page);
  await expect(fig.getByRole('link', { name: 'Download SVG' })).toBeVisible();
  await expect(fig.getByRole('button', { name: 'Download PNG' })).toBeVisible();
  await expect(fig.getByRole('button', { name: 'Copy Mermaid source' })).toBeVisible();
  await expect(fig.getByRole('group', { name: /^Export “/ })).toBeVisible();
});
