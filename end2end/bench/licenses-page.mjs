// The licenses page of a subscription with 10,000 people (backend with `--scale 50000,10000`): time from
// navigation to the first rows (median of 5 cold loads), and memory (JS heap and wasm linear memory) after the
// load and after paging through 40 pages and back.
// Usage: node bench/licenses-page.mjs http://127.0.0.1:PORT
import { launch, signedInContext } from './common.mjs';

const base = process.argv[2];
if (!base) throw new Error('usage: node bench/licenses-page.mjs <base url>');
const browser = await launch();
const path = '/licenses/sub-business-basic';
const firstRows = () => document.querySelectorAll('table tbody tr').length >= 50 && performance.now();

async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  const wasm = await page.evaluate(() => window.__wasm?.memory.buffer.byteLength ?? 0);
  return `JS heap ${(heap / 1048576).toFixed(1)} MB, wasm memory ${(wasm / 1048576).toFixed(1)} MB`;
}

const times = [];
let report = '';
for (let run = 0; run < 5; run++) {
  const context = await signedInContext(browser, base);
  const page = await context.newPage();
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; }));
  await page.goto(`${base}${path}`, { waitUntil: 'commit' });
  const at = await page.waitForFunction(firstRows, null, { polling: 'raf' });
  times.push(await at.jsonValue());
  const total = await page.locator('.result-count').textContent();
  if (!/10,?000/.test(total ?? '')) throw new Error(`expected 10,000 people, page says: ${total}`);
  if (run === 0) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const loaded = await memory(page, cdp);
    for (let n = 2; n <= 40; n++) {
      await page.getByRole('button', { name: 'Next page' }).click();
      await page.getByText(`Page ${n} of 200`).waitFor();
    }
    for (let n = 39; n >= 1; n--) {
      await page.getByRole('button', { name: 'Previous page' }).click();
      await page.getByText(`Page ${n} of 200`).waitFor();
    }
    report = `memory after load: ${loaded}; after 78 page turns: ${await memory(page, cdp)}`;
  }
  await context.close();
}
await browser.close();
times.sort((a, b) => a - b);
console.log(`\nlicenses page with 10,000 people, navigation → first 50 rows (ms): median ${times[2].toFixed(0)}, ` +
  `runs ${times.map((t) => t.toFixed(0)).join(', ')}\n${report}`);
