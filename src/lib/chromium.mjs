// Where the Chromium used for build-time Mermaid and the browser tests lives. Shared by the build
// (src/lib/mermaid/render.ts), playwright.config.ts and scripts/ (setup-system, bench-editor,
// screenshots). Plain JavaScript: setup-system imports it on `npm install`, before TypeScript runs.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const candidates = [
  process.env.FLOWBOOK_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The path of a usable Chromium, or undefined (then Playwright's own download is tried). */
export function findChromium() {
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright');
    const p = chromium.executablePath();
    if (p && existsSync(p)) return p;
  } catch {
    // playwright not installed yet, or has no browser of its own
  }
  return undefined;
}

/** Flags that keep headless Chromium quiet on a machine with no network beyond the registries. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launchOptions() {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      'Flowbook needs Chromium (build-time Mermaid, browser tests) and found none. ' +
        'On Debian/Ubuntu run `sudo apt-get install chromium fonts-noto-cjk`; elsewhere ' +
        '`npx playwright install chromium`, or set FLOWBOOK_CHROMIUM to a Chrome/Chromium binary.',
    );
  }
  return { executablePath, args: chromiumArgs, headless: true };
}
