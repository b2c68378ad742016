// Time from navigation to the products list being visible, in headless Chromium (median of 5 cold loads).
// Usage: node bench/load-time.mjs http://127.0.0.1:PORT   (the backend serving the release build with --dev)
import { launch, signedInContext } from './common.mjs';

const base = process.argv[2];
if (!base) throw new Error('usage: node bench/load-time.mjs <base url>');
const runs = 5;
const browser = await launch();
const times = [];
for (let i = 0; i < runs; i++) {
  // Signed in without loading the app (the cookie lands in the context), then the products page loads cold.
  const context = await signedInContext(browser, base);
  const fresh = await context.newPage();
  await fresh.goto(`${base}/products`, { waitUntil: 'commit' });
  // Read the time in the page the moment the first row exists, not after a round trip to Playwright.
  const visibleAt = await fresh.waitForFunction(() => document.querySelector('table tbody tr') && performance.now(), null, { polling: 'raf' });
  times.push(await visibleAt.jsonValue());
  await context.close();
}
await browser.close();
times.sort((a, b) => a - b);
const median = times[Math.floor(runs / 2)];
console.log(`\nnavigation → products list visible (ms): median ${median.toFixed(0)}, runs ${times.map((t) => t.toFixed(0)).join(', ')}`);
