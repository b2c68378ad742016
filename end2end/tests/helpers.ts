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

/** The product names of the table's shown rows, in order (assert with toHaveText / toHaveCount, which wait). */
export function productRows(page: Page): Locator {
  return page.locator('table tbody').getByRole('rowheader').getByRole('link');
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

/** A page's API client (signed in with its browser session), or a signed-in API client of its own. */
type Api = Page | APIRequestContext;
const clientOf = (api: Api): APIRequestContext => ('request' in api ? api.request : api);

/** A subscription as the signed-in browser session sees it through the API. */
export async function subscriptionOf(api: Api, subscriptionId: string) {
  const response = await clientOf(api).get(`/api/v1/subscriptions/${encodeURIComponent(subscriptionId)}`);
  expect(response.ok()).toBeTruthy();
  return response.json();
}

/** A date as `YYYY-MM-DD` in local time (the app uses the browser's local date). */
export function iso(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Turns the designers' tools on, as `"design_tools": true` in config.json does for a release build. */
export async function withDesignTools(page: Page) {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const json = { ...(await response.json()), design_tools: true };
    await route.fulfill({ response, json });
  });
}

/** The same day `months` months earlier (the month's last day where it is shorter), as the app and the reference
 * backend compute it. */
export function monthsBefore(date: Date, months: number): Date {
  const first = new Date(date.getFullYear(), date.getMonth() - months, 1);
  const last = new Date(first.getFullYear(), first.getMonth() + 1, 0).getDate();
  return new Date(first.getFullYear(), first.getMonth(), Math.min(date.getDate(), last));
}

/** A prorated amount of the reference backend, as an order records it and as the pages write it. */
export interface Prorated {
  /** As the order history records it: `-490.50`. */
  amount: string;
  /** Unsigned, as the pages in `locale` write it: `SEK 490.50`, `490,50 kr`. */
  text(locale?: string): string;
}

/** An ISO date (`YYYY-MM-DD`) as a `Date` at midnight. */
function dateOf(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(year, month - 1, day);
}

/** A date's day number (days since 1970-01-01). */
const dayNumber = (date: Date) => Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86_400_000;

/**
 * What the reference backend charges now (credits, when `licenses` is negative) for `licenses` licenses of a monthly
 * subscription: their price for the days left of the current billing period, prorated by day and rounded half away
 * from zero to cents (`backend/src/pricing.rs`). The demo's periods are calendar months, so the figure changes with
 * the date the suite runs on. The period starts on the purchase or, when later, a month before the renewal (the
 * demo's last renewal); today is the backend's, in UTC.
 */
export async function proratedNow(api: Api, subscriptionId: string, licenses: number): Promise<Prorated> {
  const subscription = await subscriptionOf(api, subscriptionId);
  const renewal = dateOf(subscription.renews_or_expires_on);
  const end = dayNumber(renewal);
  const start = Math.max(dayNumber(dateOf(subscription.purchased_on)), dayNumber(monthsBefore(renewal, 1)));
  const periodDays = end - start;
  const today = Math.floor(Date.now() / 86_400_000);
  const daysLeft = Math.min(Math.max(end - today, 0), periodDays);
  const [whole, fraction = ''] = String(subscription.unit_price.amount).split('.');
  const unitCents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  const exact = unitCents * licenses * daysLeft;
  const cents = Math.sign(exact) * Math.round(Math.abs(exact) / periodDays);
  const magnitude = Math.abs(cents);
  const currency = subscription.unit_price.currency;
  return {
    amount: `${cents < 0 ? '-' : ''}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`,
    text: (locale = 'en') => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(magnitude / 100),
  };
}

/** The payments origin of the suite's backend (playwright.config.ts: the app's port + 2). */
export const PAYMENTS_ORIGIN = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173) + 2}`;

/** The input of the hosted card field `label` (`Card number`, `Security code`, or their translations) in `scope`:
 * a frame of the payments origin titled like its label. */
export function hostedField(scope: Page | Locator, label: string): Locator {
  return scope.getByTitle(label, { exact: true }).contentFrame().getByRole('textbox', { name: label, exact: true });
}

/** The strings a PDF of the reference backend shows, decoded: Windows-1252 literals and UTF-16 hex strings. */
export function pdfText(pdf: Buffer): string[] {
  const high: Record<number, string> = { 0x80: '€', 0x96: '–', 0x97: '—', 0x85: '…' };
  const shown: string[] = [];
  for (const line of pdf.toString('latin1').split('\n')) {
    const hex = line.match(/ <([0-9A-F]+)> Tj ET$/);
    const literal = line.match(/ Td \((.*)\) Tj ET$/);
    if (hex) {
      const units = hex[1].match(/.{4}/g) ?? [];
      shown.push(String.fromCharCode(...units.map((unit) => parseInt(unit, 16))));
    } else if (literal) {
      shown.push(literal[1].replace(/\\([0-7]{3}|.)/g, (_, escaped: string) => {
        if (escaped.length === 1) return escaped;
        const byte = parseInt(escaped, 8);
        return high[byte] ?? String.fromCharCode(byte);
      }));
    }
  }
  return shown;
}
