import { expect, type Page, type Locator, type APIRequestContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The demo purchaser of the reference backend (backend/README.md). */
export const PURCHASER = 'asa.ostrom@contoso.se';

/** Signs in as `user` through the backend's development route and opens `path`. */
export async function signIn(page: Page, path = '/products', user = PURCHASER) {
  await page.goto(`/dev/sign-in?user=${encodeURIComponent(user)}&redirect=${encodeURIComponent(path)}`);
}

/** Fails on any WCAG 2.1 A/AA violation axe-core finds in the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

/** Arms a fault in the backend: the next `count` matching requests fail as described. */
export async function armFault(request: APIRequestContext, fault: Record<string, unknown>) {
  const response = await request.post('/dev/faults', { data: fault });
  expect(response.ok()).toBeTruthy();
}

/** Clears every armed fault. */
export async function clearFaults(request: APIRequestContext) {
  await request.delete('/dev/faults');
}

/** The product-name cells of the table, in order (assert with toHaveText / toHaveCount, which wait). */
export function productRows(page: Page): Locator {
  return page.locator('table tbody th[scope="row"]');
}
