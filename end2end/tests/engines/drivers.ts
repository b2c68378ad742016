import { Builder, type WebDriver } from 'selenium-webdriver';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

/** The engines besides Chromium (Playwright's projects drive Chromium). */
export type Engine = 'firefox' | 'webkit';

const port = Number(process.env.E2E_PORT ?? 4173);
export const APP = `http://127.0.0.1:${port}`;
const driverPorts: Record<Engine, number> = { firefox: port + 10, webkit: port + 11 };

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const GECKODRIVER = process.env.GECKODRIVER ?? 'geckodriver';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Testing Library's DOM queries as one script that sets `window.__TL`. */
export const queriesScript = (() => {
  const built = esbuild.buildSync({
    // Patterns are made in the page: Firefox does not let the page's code use objects made by WebDriver's scripts.
    stdin: {
      contents: `import { queryAllByRole, queryAllByLabelText } from '@testing-library/dom';
        const nameOf = (text, flags) => (text === null ? undefined : flags === null ? text : new RegExp(text, flags));
        export const byRole = (scope, role, text, flags) => {
          const name = nameOf(text, flags);
          return queryAllByRole(scope, role, name === undefined ? {} : { name });
        };
        export const byLabel = (scope, label) => queryAllByLabelText(scope, label, { exact: true });`,
      resolveDir: __dirname,
    },
    bundle: true,
    format: 'iife',
    globalName: '__TL',
    minify: true,
    write: false,
    define: { 'process.env.NODE_ENV': '"production"', 'process.env.DEBUG_PRINT_LIMIT': 'undefined' },
  });
  return `${built.outputFiles[0].text};window.__TL=__TL;`;
})();
export const axeScript = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Starts the engine's WebDriver server and waits until it answers. */
async function startDriver(engine: Engine) {
  const driverPort = driverPorts[engine];
  const [program, args] =
    engine === 'firefox'
      ? [GECKODRIVER, ['--port', String(driverPort), '--log', 'error']]
      : ['xvfb-run', ['-a', '-s', '-screen 0 1600x1200x24', WEBKIT_DRIVER, `--port=${driverPort}`]];
  // The browsers run in US English, as a purchaser's would (their date controls follow the locale).
  const env = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' };
  const child = spawn(program, args, { detached: true, env, stdio: 'ignore' });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${program} exited with ${child.exitCode}`);
    try {
      const status = await fetch(`http://127.0.0.1:${driverPort}/status`);
      if (status.ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${program} did not answer on port ${driverPort}`);
}

function capabilities(engine: Engine): Record<string, unknown> {
  return engine === 'firefox'
    ? {
        browserName: 'firefox',
        'moz:firefoxOptions': { binary: FIREFOX, args: ['-headless'], prefs: { 'intl.locale.requested': 'en-US' } },
      }
    : { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } };
}

/** A WebDriver session of `engine`, with its driver server started for it; `stop` ends both. */
export async function startSession(engine: Engine): Promise<{ driver: WebDriver; stop: () => Promise<void> }> {
  const server = await startDriver(engine);
  const driver = await new Builder()
    .usingServer(`http://127.0.0.1:${driverPorts[engine]}`)
    .withCapabilities(capabilities(engine))
    .build();
  await driver.manage().window().setRect({ width: 1280, height: 900 });
  return {
    driver,
    stop: async () => {
      await driver.quit().catch(() => undefined);
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
    },
  };
}
