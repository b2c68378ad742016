// Keystroke to typeahead results rendered, in headless Chromium against the backend on loopback (p50 and p95 over
// 50 queries). The directory should be large: run the backend with `--scale 50000,10000`.
// Usage: node bench/typeahead.mjs http://127.0.0.1:PORT
import { launch, signedInContext, percentile } from './common.mjs';

const base = process.argv[2];
if (!base) throw new Error('usage: node bench/typeahead.mjs <base url>');
const browser = await launch();
const context = await signedInContext(browser, base);
const page = await context.newPage();
// The moment of the last key press, from the event itself (no round trip to Playwright in the measurement).
await page.addInitScript(() => addEventListener('keydown', (e) => { window.__lastKeyAt = e.timeStamp; }, true));

// 50 realistic queries: 3 to 5 leading characters of e-mail addresses from the directory.
const queries = new Set();
for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
  const found = await (await context.request.get(`${base}/api/v1/directory/people?q=${letter}&top=25`)).json();
  for (const [i, match] of found.entries()) {
    if (queries.size < 50 && i % 4 === 0) queries.add(match.person.email.slice(0, 3 + (i % 3)));
  }
}

await page.goto(`${base}/licenses/sub-business-basic/assign`);
const box = page.getByRole('combobox', { name: /Name or e-mail/ });
await box.waitFor();
const samples = [];
for (const query of queries) {
  await box.fill('');
  await page.locator('#people-results[hidden]').waitFor({ state: 'attached' });
  await box.pressSequentially(query.slice(0, -1));
  await page.keyboard.press(query.slice(-1));
  const renderedAt = await page.waitForFunction((q) => {
    const list = document.getElementById('people-results');
    return list && !list.hidden && list.dataset.query === q && list.children.length > 0 && performance.now();
  }, query, { polling: 'raf', timeout: 10_000 });
  const at = await renderedAt.jsonValue();
  samples.push(at - (await page.evaluate(() => window.__lastKeyAt)));
}
await browser.close();
const pick = (p) => percentile(samples, p);
console.log(`\ntypeahead keystroke → results rendered (ms, ${samples.length} queries, 120 ms debounce included): ` +
  `p50 ${pick(50).toFixed(0)}, p95 ${pick(95).toFixed(0)}, max ${Math.max(...samples).toFixed(0)}`);
