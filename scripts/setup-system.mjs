// Installs what Flowbook needs outside npm: Chromium (for build-time Mermaid and the browser
// tests), CJK fonts (so Chinese labels are measured and drawn with real glyphs) and poppler-utils
// (pdftotext, for the print test that reads the A4 PDF of each procedure page).
// Runs on `npm install` (postinstall). Written for any Node version, since npm may run it with
// the machine's own Node before the project's Node 22 is on the PATH.
import { existsSync, readFileSync } from 'node:fs';
import { execSync, spawnSync } from 'node:child_process';
import { findChromium } from '../src/lib/chromium.mjs';

const log = (m) => console.log(`[flowbook setup] ${m}`);

if (process.env.FLOWBOOK_SKIP_SYSTEM_SETUP) {
  log('FLOWBOOK_SKIP_SYSTEM_SETUP is set: not checking Chromium and fonts.');
  process.exit(0);
}

const hasCjkFont = () => {
  const r = spawnSync('fc-list', [':lang=zh-cn', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
};

const isDebianLike = existsSync('/etc/debian_version') || (existsSync('/etc/os-release') && /ID(_LIKE)?=.*(debian|ubuntu)/.test(readFileSync('/etc/os-release', 'utf8')));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

const missing = [];
if (!findChromium()) missing.push('chromium');
if (!hasCjkFont()) missing.push('fonts-noto-cjk');
if (spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error) missing.push('poppler-utils');

if (missing.length === 0) {
  log(`Chromium at ${findChromium()}, a CJK font and pdftotext are present.`);
  process.exit(0);
}

if (isDebianLike && isRoot) {
  log(`Installing ${missing.join(', ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync('apt-get update -qq', { stdio: 'inherit', env });
  execSync(`apt-get install -y -qq --no-install-recommends ${missing.join(' ')} fontconfig`, { stdio: 'inherit', env });
  execSync('fc-cache -f', { stdio: 'ignore' });
  log(`Installed. Chromium: ${findChromium() ?? 'still not found'}`);
  process.exit(0);
}

const browser = missing.includes('chromium');
log('Missing: ' + missing.join(', '));
if (browser) {
  log('Install a Chromium browser, then run npm install again, for example:');
  log('  Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk');
  log('  elsewhere:     npx playwright install chromium');
  log('  or point FLOWBOOK_CHROMIUM at an existing Chromium or Chrome binary.');
}
if (missing.includes('fonts-noto-cjk')) {
  log('Install a CJK font (Noto Sans CJK SC / Source Han Sans SC), e.g. `sudo apt-get install fonts-noto-cjk`,');
  log('otherwise Chinese labels in diagrams are drawn with missing-glyph boxes.');
}
if (missing.includes('poppler-utils')) {
  log('Install poppler-utils (pdftotext) for the print test, e.g. `sudo apt-get install poppler-utils`.');
}
// Not fatal: `npm install` succeeds; the build names the missing piece again if it needs it.
process.exit(0);
