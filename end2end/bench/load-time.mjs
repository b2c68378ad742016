// Time from navigation to the products list being visible, in headless Chromium (median of 5 cold loads).
// Usage: node bench/load-time.mjs http://127.0.0.1:PORT   (the backend serving the release build with --dev)
import { chromium } from '@playwright/test';

const base = process.argv[2];
if (!base) throw new Error('usage: node bench/load-time.mjs <base url>');
const runs = 5;
const browser = await chromium.launch({
  executablePath: process.env.CHROME ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const times = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  // Sign in without loading the app (the cookie lands in the context), then load the products page cold.
  await context.request.get(`${base}/dev/sign-in?user=asa.ostrom%40contoso.se&redirect=%2Fconfig.json`);
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
