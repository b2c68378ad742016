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

/** A prorated amount of the reference backend, in cents, as an order records it and as the pages write it. */
export interface Prorated {
  cents: number;
  /** As the order history records it: `-490.50`. */
  amount: string;
  /** Unsigned, as the pages in `locale` write it: `SEK 490.50`, `490,50 kr`. */
  text(locale?: string): string;
}

const DAY_MS = 86_400_000;

/** The day number (days since 1970-01-01, UTC) of an ISO date. */
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** The day number of the same day one calendar month before `iso`, clamped to that month's length. */
function monthBefore(iso: string): number {
  const date = new Date(`${iso}T00:00:00Z`);
  const [year, month] = [date.getUTCFullYear(), date.getUTCMonth() - 1];
  const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), length)) / DAY_MS;
}

/**
 * What the reference backend charges now (credits, when `licenses` is negative) for `licenses` licenses of a monthly
 * subscription: their price for the days left of the current billing period, prorated by day and rounded half away
 * from zero to cents (`backend/src/pricing.rs`). The demo's periods are calendar months, so the figure changes with
 * the date the suite runs on. The period starts on the purchase or, when later, a month before the renewal (the
 * demo's last renewal).
 */
export async function proratedNow(page: Page, subscriptionId: string, licenses: number): Promise<Prorated> {
  const subscription = await subscriptionOf(page, subscriptionId);
  const end = dayOf(subscription.renews_or_expires_on);
  const start = Math.max(dayOf(subscription.purchased_on), monthBefore(subscription.renews_or_expires_on));
  const periodDays = end - start;
  const daysLeft = Math.min(Math.max(end - Math.floor(Date.now() / DAY_MS), 0), periodDays);
  const [whole, fraction = ''] = String(subscription.unit_price.amount).split('.');
  const unitCents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  const exact = unitCents * licenses * daysLeft;
  const cents = Math.sign(exact) * Math.round(Math.abs(exact) / periodDays);
  const magnitude = Math.abs(cents);
  const currency = subscription.unit_price.currency;
  return {
    cents,
    amount: `${cents < 0 ? '-' : ''}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`,
    text: (locale = 'en') => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(magnitude / 100),
  };
}
