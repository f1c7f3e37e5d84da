import { defineConfig } from '@playwright/test';
import { launchOptions } from './src/lib/chromium.mjs';
import { cspReportFile } from './tests/e2e/support/csp-reports.ts';

const port = Number(process.env.FLOWBOOK_E2E_PORT ?? 4399);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: true,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 60_000,
  // The test server has the browser report every Content-Security-Policy violation; the run fails
  // when any was reported (tests/e2e/support/csp-reports.ts).
  globalSetup: './tests/e2e/support/csp-setup.ts',
  globalTeardown: './tests/e2e/support/csp-teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: launchOptions(),
    locale: 'zh-CN',
    acceptDownloads: true,
  },
  webServer: {
    command: `node scripts/serve-dist.mjs ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    env: { FLOWBOOK_CSP_REPORTS: cspReportFile(port) },
    timeout: 60_000,
  },
});
