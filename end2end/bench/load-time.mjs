// The initial load of the products page in headless Chromium: the time from navigation to the list being visible
// (median of 5 cold loads), and what the browser downloaded for it: each wasm, js and css file with its size on
// the wire (brotli, as the backend serves it) and in memory. Fails when the transfer is over the budget.
// Usage: node bench/load-time.mjs http://127.0.0.1:PORT   (the backend serving the release build with --dev)
import { launch, signedInContext } from './common.mjs';

const base = process.argv[2];
if (!base) throw new Error('usage: node bench/load-time.mjs <base url>');
/** The budget for the initial load's wasm, js and css (locale data is in the wasm), compressed. */
const BUDGET_KB = 200;
const runs = 5;
const browser = await launch();
const times = [];
let files = [];
for (let i = 0; i < runs; i++) {
  // Signed in without loading the app (the cookie lands in the context), then the products page loads cold.
  const context = await signedInContext(browser, base);
  const fresh = await context.newPage();
  await fresh.goto(`${base}/products`, { waitUntil: 'commit' });
  // Read the time in the page the moment the first row exists, not after a round trip to Playwright.
  const visibleAt = await fresh.waitForFunction(() => document.querySelector('table tbody tr') && performance.now(), null, { polling: 'raf' });
  times.push(await visibleAt.jsonValue());
  files = await fresh.evaluate(() => performance.getEntriesByType('resource')
    .filter((entry) => /\.(wasm|js|css)$/.test(new URL(entry.name).pathname))
    .map((entry) => ({ name: new URL(entry.name).pathname.slice(1), wire: entry.encodedBodySize, raw: entry.decodedBodySize })));
  await context.close();
}
await browser.close();
times.sort((a, b) => a - b);
const median = times[Math.floor(runs / 2)];
console.log(`\nnavigation → products list visible (ms): median ${median.toFixed(0)}, runs ${times.map((t) => t.toFixed(0)).join(', ')}`);

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(10);
console.log(`\ninitial load of /products: ${files.length} files\n${'file'.padEnd(48)} ${'raw (KB)'.padStart(10)} ${'wire (KB)'.padStart(10)}`);
files.sort((a, b) => b.wire - a.wire);
for (const file of files) console.log(`${file.name.padEnd(48)} ${kb(file.raw)} ${kb(file.wire)}`);
const wire = files.reduce((sum, file) => sum + file.wire, 0);
const raw = files.reduce((sum, file) => sum + file.raw, 0);
console.log(`${'total'.padEnd(48)} ${kb(raw)} ${kb(wire)}   (budget ${BUDGET_KB} KB)`);
if (files.length === 0 || wire > BUDGET_KB * 1024) process.exitCode = 1;
