// Interactions in headless Chromium against the reference backend on loopback, each the median and p95 of repeated
// runs: a products filter keystroke with 2,000 subscriptions (budget: one frame, 16 ms), opening the license-count
// pane, switching the invoice range; then memory (JS heap and wasm) over 50 round trips through every page.
// Each time is from the input event's own timestamp to the moment the page shows the result, laid out: taken in the
// page by a mutation observer armed before the input, so no round trip to Playwright is measured.
// Usage: node bench/interactions.mjs <base url>  (the backend loaded with bench/products-fixture.mjs's data)
import { launch, signedInContext, summary, percentile } from './common.mjs';

const base = process.argv[2];
if (!base) throw new Error('usage: node bench/interactions.mjs <base url>');
const FRAME_MS = 16;
/** Rows on a page of the products table. */
const PAGE_ROWS = 25;
const failures = [];

const browser = await launch();
const context = await signedInContext(browser, base);
const page = await context.newPage();
await page.addInitScript(() => {
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  /**
   * Resolves with the ms from the next `type` event to when the page shows what is expected, laid out: `selector`
   * matches `count` elements, (when given) the digits in `textSelector`'s text are `digits`, and the last element
   * `selector` matches reads `lastText`.
   */
  window.__armWatch = (type, { selector, count, textSelector, digits, lastText }) => {
    window.__watched = new Promise((resolve) => {
      addEventListener(type, (event) => {
        const start = event.timeStamp;
        const check = () => {
          if (document.querySelectorAll(selector).length !== count) return false;
          if (textSelector && document.querySelector(textSelector)?.textContent.replace(/\D/g, '') !== digits) return false;
          if (lastText !== undefined && [...document.querySelectorAll(selector)].at(-1)?.textContent !== lastText) return false;
          void document.body.offsetHeight; // style and layout, as the next frame needs them
          resolve(performance.now() - start);
          return true;
        };
        queueMicrotask(() => {
          if (check()) return;
          const observer = new MutationObserver(() => check() && observer.disconnect());
          observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
        });
      }, { capture: true, once: true });
    });
  };
});

/** Arms the watcher for `expected` (see `__armWatch`), does `act`, and returns the measured ms. */
async function timed(type, expected, act) {
  await page.evaluate(([t, e]) => window.__armWatch(t, e), [type, expected]);
  await act();
  const ms = await page.evaluate(() => Promise.race([window.__watched, new Promise((r) => setTimeout(r, 10_000, null))]));
  if (ms === null) throw new Error(`the page never showed ${JSON.stringify(expected)} after a ${type}`);
  return ms;
}

// ── Products filter, 2,000 subscriptions ──
const subscriptions = await (await context.request.get(`${base}/api/v1/subscriptions?page_size=5000`)).json();
const items = Array.isArray(subscriptions) ? subscriptions : subscriptions.items;
if (items.length < 2000) throw new Error(`expected 2,000 subscriptions, the backend has ${items.length}`);
// The app's match and order for these plain-ASCII names and queries: the trimmed text anywhere in the name, case
// ignored, sorted by name.
const byName = items.map((s) => s.product.name).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
const matches = (q) => byName.filter((name) => name.toLowerCase().includes(q.trim().toLowerCase()));
/**
 * What the products page shows for `names`: the count (digits of "n of total products") and a page of rows, the
 * last of them the 50th name or the last.
 */
const productsShown = (names) => ({
  selector: 'table tbody tr:not([hidden]) th', count: Math.min(names.length, PAGE_ROWS), textSelector: '.result-count',
  digits: `${names.length}${items.length}`, lastText: names.slice(0, PAGE_ROWS).at(-1),
});
await page.goto(`${base}/products`);
await page.locator('table tbody tr').nth(PAGE_ROWS - 1).waitFor({ state: 'attached' });
const search = page.getByRole('searchbox', { name: /Search/ });
await search.focus();
const keystrokes = [];
for (const query of ['0123', '1207', 'Visio 05', '1999', '0510', '1736', '0042', 'Pro 1']) {
  // Each letter typed, then each erased: the list grows back to all 2,000.
  const states = [...query].map((_, i) => query.slice(0, i + 1));
  const steps = [...states.map((q) => [q.at(-1), q]), ...states.reverse().map((_, i, a) => ['Backspace', a[i + 1] ?? ''])];
  let shown = items.length;
  for (const [key, text] of steps) {
    const names = matches(text);
    const expected = names.length;
    if (expected === shown) {
      await page.keyboard.press(key);
      continue; // the list does not change: nothing to wait for
    }
    keystrokes.push(await timed('keydown', productsShown(names), () => page.keyboard.press(key)));
    shown = expected;
  }
}
const filterP95 = percentile(keystrokes, 95);
console.log(`\nproducts filter keystroke → list updated, 2,000 subscriptions (ms): ${summary(keystrokes)}, ` +
  `max ${Math.max(...keystrokes).toFixed(1)}; budget ${FRAME_MS} ms at p95`);
if (filterP95 > FRAME_MS) failures.push(`products filter p95 ${filterP95.toFixed(1)} ms is over one frame (${FRAME_MS} ms)`);

// ── Opening the license-count pane ──
await page.goto(`${base}/products/sub-business-basic`);
const buy = page.getByRole('link', { name: 'Buy licenses' });
await buy.waitFor();
const paneTimes = [];
for (let run = 0; run < 20; run++) {
  paneTimes.push(await timed('click', { selector: '#license-total', count: 1 }, () => buy.click()));
  await page.keyboard.press('Escape');
  await page.locator('#license-total').waitFor({ state: 'detached' });
}
console.log(`opening the license-count pane, click → total field shown (ms): ${summary(paneTimes)}`);

// ── Switching the invoice range ──
const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const monthsBefore = (d, months) => {
  const first = new Date(d.getFullYear(), d.getMonth() - months, 1);
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  return new Date(first.getFullYear(), first.getMonth(), Math.min(d.getDate(), last));
};
const today = new Date();
const invoiceCount = async (months) =>
  (await (await context.request.get(`${base}/api/v1/invoices?from=${iso(monthsBefore(today, months))}&to=${iso(today)}`)).json()).length;
const counts = { '3m': await invoiceCount(3), '6m': await invoiceCount(6) };
if (counts['3m'] === counts['6m']) throw new Error('the invoice ranges must differ to be timed');
await page.goto(`${base}/billing/invoices`);
await page.locator('table tbody tr').nth(counts['3m'] - 1).waitFor({ state: 'attached' });
const range = page.getByRole('combobox', { name: 'Date range' });
const rangeTimes = [];
for (let run = 0; run < 20; run++) {
  const value = run % 2 === 0 ? '6m' : '3m';
  rangeTimes.push(await timed('change', { selector: 'table tbody tr', count: counts[value] }, () => range.selectOption(value)));
}
console.log(`switching the invoice range, change → invoices shown (ms, backend on loopback): ${summary(rangeTimes)}`);

// ── Memory over 50 round trips through every page ──
const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');
async function memory() {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  const wasm = await page.evaluate(() => window.__wasm?.memory.buffer.byteLength ?? 0);
  return { heap, wasm };
}
const nav = page.getByRole('navigation', { name: 'Main' });
/** Clicks the first row's link in the page's table and waits for the page it opens. */
async function openFirstRow(urlPart) {
  const link = page.locator('table tbody tr').first().getByRole('link').first();
  const name = (await link.textContent()).trim();
  await link.click();
  await page.waitForURL((url) => url.pathname.includes(urlPart));
  await page.getByRole('heading').filter({ hasText: name }).first().waitFor();
}
async function roundTrip() {
  await nav.getByRole('link', { name: 'Your products' }).click();
  await page.locator('table tbody tr').nth(PAGE_ROWS - 1).waitFor({ state: 'attached' });
  await openFirstRow('/products/sub-');
  await nav.getByRole('link', { name: 'Licenses' }).click();
  await page.getByRole('heading', { level: 1, name: 'Licenses' }).waitFor();
  await page.locator('table tbody tr').first().waitFor();
  await openFirstRow('/licenses/sub-');
  await nav.getByRole('link', { name: 'Invoices' }).click();
  await page.locator('table tbody tr').nth(counts['3m'] - 1).waitFor({ state: 'attached' });
  await openFirstRow('/billing/invoices/');
  for (const section of ['Payment methods', 'Billing profiles', 'Help']) {
    await nav.getByRole('link', { name: section }).click();
    await page.getByRole('heading', { name: section, exact: true }).waitFor();
  }
}
await roundTrip();
const samples = [{ trips: 1, ...(await memory()) }];
for (let trip = 2; trip <= 50; trip++) {
  await roundTrip();
  if (trip % 10 === 0) samples.push({ trips: trip, ...(await memory()) });
}
await browser.close();
const mb = (bytes) => (bytes / 1048576).toFixed(2);
console.log(`memory after round trips through every page (JS heap after GC / wasm memory, MB): ` +
  samples.map((s) => `${s.trips}: ${mb(s.heap)} / ${mb(s.wasm)}`).join(', '));
// Growing means still growing at the end: the last 30 trips add more than 1 MB or 10 % to what 20 trips held.
const [settled, last] = [samples.find((s) => s.trips === 20), samples.at(-1)];
for (const [name, key] of [['JS heap', 'heap'], ['wasm memory', 'wasm']]) {
  const growth = last[key] - settled[key];
  if (growth > Math.max(1048576, settled[key] * 0.1)) {
    failures.push(`${name} keeps growing: ${mb(settled[key])} MB after 20 round trips, ${mb(last[key])} MB after 50`);
  }
}
if (failures.length) {
  console.error(`\ninteraction budgets missed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
