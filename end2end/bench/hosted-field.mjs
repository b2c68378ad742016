// The hosted card field: the size of its page (one document with its script and stylesheet inline, brotli at
// quality 11, as a card processor's CDN would serve it) and the time from the frame's request to its field being
// painted, measured inside the frame (its first contentful paint, from the navigation's request start), each time
// *Add a payment method* is opened from the payment methods page, as a person opens it. Fails when the page is over 15 KB brotli or the median paint over
// 100 ms.
// Usage: node bench/hosted-field.mjs http://127.0.0.1:PORT   (the backend serving the release build with --dev)
import { brotliCompressSync, constants } from 'node:zlib';
import { launch, signedInContext, percentile, summary } from './common.mjs';

const base = process.argv[2];
if (!base) throw new Error('usage: node bench/hosted-field.mjs <base url>');
const SIZE_BUDGET_KB = 15;
const PAINT_BUDGET_MS = 100;
const runs = 15;

const config = await (await fetch(`${base}/config.json`)).json();
const origin = new URL(base).origin;
const pageUrl = `${config.payments_origin}/v1/hosted-field?field=number&group=benchmark1&parent=${encodeURIComponent(origin)}&lang=en&label=Card%20number&title=Card%20number`;
const html = Buffer.from(await (await fetch(pageUrl)).arrayBuffer());
const brotli = brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log(`\nhosted field page: ${(html.length / 1024).toFixed(1)} KB raw, ${(brotli / 1024).toFixed(1)} KB brotli (budget ${SIZE_BUDGET_KB} KB)`);

const browser = await launch();
const context = await signedInContext(browser, base);
const page = await context.newPage();
const paints = [];
await page.goto(`${base}/billing/payment-methods`);
for (let i = 0; i < runs; i++) {
  await page.getByRole('link', { name: 'Add a payment method' }).click();
  const frame = await (await page.waitForSelector('iframe[title="Card number"]')).contentFrame();
  const painted = await frame.waitForFunction(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const navigation = performance.getEntriesByType('navigation')[0];
    return paint && navigation && document.getElementById('f') ? paint.startTime - navigation.requestStart : false;
  }, null, { polling: 'raf' });
  paints.push(await painted.jsonValue());
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}
await browser.close();
console.log(`hosted field: frame's request → field painted (ms): ${summary(paints)}`);
if (brotli > SIZE_BUDGET_KB * 1024 || percentile(paints, 50) > PAINT_BUDGET_MS) process.exitCode = 1;
