import { test, expect } from '@playwright/test';

// Runs after every other test (playwright.config.ts: the `csp-audit` project depends on `e2e` and `resilience`; `hostile` checks its own backend's reports): the whole suite,
// every page and state it visited, caused no Content-Security-Policy violation.
test('no page visited by the suite violated the Content-Security-Policy', async ({ request }) => {
  const response = await request.get('/dev/csp-reports');
  expect(response.ok()).toBeTruthy();
  expect(await response.json()).toEqual([]);
});
