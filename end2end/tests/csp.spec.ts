import { test, expect } from '@playwright/test';
import { signIn } from './helpers';

// The app is served as `cargo xtask dist` builds it, with the deployment's Content-Security-Policy (backend/src/csp.rs).
// The `csp-audit` project, which runs after every other test, fails on any violation the browser reported meanwhile.

test('the policy is enforced and a violation is reported', async ({ page, request }) => {
  const served = await page.goto('/');
  const policy = served?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toContain('unsafe-inline');
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Your products' })).toBeVisible();
  const html = await (await request.get('/')).text();
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);

  // Violations by earlier tests fail here (this test clears the list afterwards); later ones fail `csp-audit`.
  expect(await (await request.get('/dev/csp-reports')).json()).toEqual([]);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
  });
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  await expect
    .poll(async () => ((await (await request.get('/dev/csp-reports')).json()) as string[]).join())
    .toContain('script-src');
  const cleared = await request.delete('/dev/csp-reports');
  expect(cleared.status()).toBe(204);
});
