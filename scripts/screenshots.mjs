// Screenshots of pages in light, dark and at 390 px, for looking at what we build.
// Usage: node scripts/screenshots.mjs [--port 4321] [--out /tmp/shots] /path/ [/other/ …]
// Needs a running `npm run preview` (or astro preview) on the port.
import { chromium } from 'playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchOptions } from '../src/lib/chromium.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const port = opt('--port', '4321');
const out = opt('--out', '/tmp/shots');
const full = opt('--full', 'yes') === 'yes';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch(launchOptions());
const variants = [
  { name: 'light', width: 1280, height: 900, theme: 'light' },
  { name: 'dark', width: 1280, height: 900, theme: 'dark' },
  { name: 'phone', width: 390, height: 844, theme: 'light' },
];
for (const path of args) {
  for (const v of variants) {
    const ctx = await browser.newContext({ viewport: { width: v.width, height: v.height }, deviceScaleFactor: 1 });
    const page = await ctx.newPage();
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), v.theme);
    await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'networkidle' });
    const file = join(out, `${path.replace(/\W+/g, '_').replace(/^_|_$/g, '') || 'home'}-${v.name}.png`);
    if (full) {
      // Diagrams are lazy images: scroll through the page so every shown one loads before the shot.
      await page.evaluate(async () => {
        for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
          scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 50));
        }
        scrollTo(0, 0);
        const shown = [...document.images].filter((i) => i.loading === 'lazy' && i.offsetParent !== null);
        await Promise.all(shown.map((i) => (i.complete ? null : new Promise((r) => i.addEventListener('load', r, { once: true })))));
      });
    }
    await page.screenshot({ path: file, fullPage: full });
    console.log(file);
    await ctx.close();
  }
}
await browser.close();
