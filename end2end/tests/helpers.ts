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

/** The product-name cells of the table's shown rows, in order (assert with toHaveText / toHaveCount, which wait). */
export function productRows(page: Page): Locator {
  return page.locator('table tbody').getByRole('rowheader');
}

/** Undoes every change in the backend (the fixture is loaded again) and clears the faults. */
export async function resetData(request: APIRequestContext) {
  const response = await request.post('/dev/reset');
  expect(response.status()).toBe(204);
}

/** One entry of a subscription's order history (`GET /dev/orders`). */
export interface Order {
  kind: 'licenses_added' | 'licenses_removed' | 'cancelled' | 'reactivated';
  from_total: number;
  to_total: number;
  amount: { amount: string; currency: string };
  reason?: string;
  feedback?: string;
}

/** What the backend recorded for a subscription: each change, and what it charged, exactly once. */
export async function ordersOf(request: APIRequestContext, subscriptionId: string): Promise<Order[]> {
  const response = await request.get(`/dev/orders?subscription=${encodeURIComponent(subscriptionId)}`);
  expect(response.ok()).toBeTruthy();
  return response.json();
}

/** A subscription as the signed-in browser session sees it through the API. */
export async function subscriptionOf(page: Page, subscriptionId: string) {
  const response = await page.request.get(`/api/v1/subscriptions/${encodeURIComponent(subscriptionId)}`);
  expect(response.ok()).toBeTruthy();
  return response.json();
}
