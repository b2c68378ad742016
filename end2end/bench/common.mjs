// What the bench scripts share: Debian's Chromium launched the way this network needs, a signed-in context, and
// percentiles of samples.
import { chromium } from '@playwright/test';

/** Headless Chromium (`CHROME`, or Debian's), without the background connections this network refuses. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROME ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A new browser context signed in as the demo purchaser, without loading the app. */
export async function signedInContext(browser, base) {
  const context = await browser.newContext();
  await context.request.get(`${base}/dev/sign-in?user=asa.ostrom%40contoso.se&redirect=%2Fconfig.json`);
  return context;
}

/** The `p`th percentile (nearest rank) of `samples`. */
export function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((sorted.length * p) / 100) - 1))];
}

/** `median M, p95 P` of `samples` in ms. */
export function summary(samples) {
  return `median ${percentile(samples, 50).toFixed(1)}, p95 ${percentile(samples, 95).toFixed(1)} (${samples.length} runs)`;
}
