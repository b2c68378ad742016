import { defineConfig } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeHostileFixture } from './hostile-fixture';
import type { Engine } from './tests/engines/webdriver';

// `cargo xtask test` sets these; the defaults fit a run from this folder after a release build.
const root = path.resolve(__dirname, '..');
const backend = process.env.BACKEND_BIN ?? path.join(root, 'target/debug/backend');
const dist = process.env.DIST_DIR ?? path.join(root, 'dist');
// The same build served under a sub-path (`cargo xtask dist --base-path /portal/` makes such a dist/; `cargo xtask
// test` copies the suite's build there). A run of this folder's Playwright without one has no `sub-path` project.
const distUnderPortal = process.env.DIST_UNDER_PORTAL_DIR ?? path.join(root, 'target/dist-under-portal');
const underPortal = fs.existsSync(path.join(distUnderPortal, 'index.html'));
const port = Number(process.env.E2E_PORT ?? 4173);
// A second backend serves the demo data with hostile strings in names (hostile-fixture.ts).
const hostilePort = port + 1;
// Each backend's payments origin (hosted card fields, tokens) listens on a port of its own.
export const paymentsPort = port + 2;
const hostilePaymentsPort = port + 3;
// A page on a third origin, for the tests that check both sides refuse its messages (tests/third-origin.ts).
export const thirdPort = port + 4;
// A third backend serves the app under /portal/ (tests/sub-path.spec.ts), with its own payments origin.
export const subPathPort = port + 5;
const subPathPaymentsPort = port + 6;

export const chromiumLaunch = {
  executablePath: process.env.CHROME ?? '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
};

export default defineConfig<{ engine: Engine }>({
  testDir: './tests',
  // One backend serves every test and faults are global to it: run tests one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunch,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'e2e', testIgnore: /(csp-audit|hostile|resilience|sub-path)\.spec\.ts|engines\// },
    // Firefox and WebKit (WebKitGTK's MiniBrowser) through WebDriver: tests/engines/webdriver.ts.
    { name: 'firefox', testMatch: /engines\/.*\.spec\.ts/, use: { engine: 'firefox' } },
    { name: 'webkit', testMatch: /engines\/.*\.spec\.ts/, use: { engine: 'webkit' } },
    { name: 'resilience', testMatch: /resilience\.spec\.ts/ },
    { name: 'hostile', testMatch: /hostile\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${hostilePort}` } },
    ...(underPortal
      ? [{ name: 'sub-path', testMatch: /sub-path\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${subPathPort}/portal/` } }]
      : []),
    { name: 'csp-audit', testMatch: /csp-audit\.spec\.ts/, dependencies: ['e2e', 'resilience'] },
  ],
  webServer: [
    {
      command: `"${backend}" --dev --port ${port} --payments-port ${paymentsPort} --db :memory: --static "${dist}"`,
      url: `http://127.0.0.1:${port}/config.json`,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 60_000,
    },
    {
      command: `"${backend}" --dev --port ${hostilePort} --payments-port ${hostilePaymentsPort} --db :memory: --static "${dist}" --fixture "${writeHostileFixture(backend)}"`,
      url: `http://127.0.0.1:${hostilePort}/config.json`,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 60_000,
    },
    ...(underPortal ? [{
      command: `"${backend}" --dev --port ${subPathPort} --payments-port ${subPathPaymentsPort} --db :memory: --static "${distUnderPortal}" --base-path /portal/`,
      url: `http://127.0.0.1:${subPathPort}/portal/config.json`,
      reuseExistingServer: false,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
      timeout: 60_000,
    }] : []),
  ],
});
