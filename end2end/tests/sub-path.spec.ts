import { test, expect, type Page } from '@playwright/test';
import { signIn, expectAccessible, hostedField, resetData } from './helpers';

// The release build served under /portal/ (playwright.config.ts: the `sub-path` project, a backend of its own with
// `--base-path /portal/`, the dist/ that `cargo xtask dist --base-path /portal/` makes). The app's files,
// config.json, every area's module and every address of the app are under /portal/; the API and /dev/ stay at the
// root, where config.json puts them.
test.beforeEach(async ({ request }) => resetData(request));

const BASE = '/portal';

/** The paths of every request the page sends to its own origin, in order. */
function requestedPaths(page: Page, origin: string): string[] {
  const paths: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === origin) paths.push(url.pathname);
  });
  return paths;
}

/** Every link of the page to its own origin is under /portal/ (or the API's, as an invoice's PDF). */
async function expectLinksUnderBase(page: Page) {
  const origin = new URL(page.url()).origin;
  const links = await page.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  const outside = links.filter((href) => href.startsWith(origin)
    && (!/^\/(portal|api)\//.test(new URL(href).pathname) || new URL(href).pathname.startsWith('/portal/portal/')));
  expect(outside, `links outside ${BASE}/ on ${page.url()}`).toEqual([]);
  expect(links.length).toBeGreaterThan(0);
}

/** Waits for the address to be `path` (with `search`, if given), then checks the page's links. */
async function expectAddress(page: Page, path: string, search = '') {
  await expect.poll(() => {
    const url = new URL(page.url());
    return url.pathname + url.search;
  }).toBe(path + search);
  await expectLinksUnderBase(page);
}

test('every page, pane and area module of the app works under /portal/, and nothing is asked for outside it', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const paths = requestedPaths(page, origin);
  await signIn(page, `${BASE}/products`);
  await expectAddress(page, `${BASE}/products`);
  await expect(page.getByRole('heading', { level: 1, name: 'Your products' })).toBeVisible();
  await expectAccessible(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Your products', exact: true })).toHaveAttribute('aria-current', 'page');

  // The search and the filter write the query string of the address they are at.
  await page.getByRole('searchbox', { name: 'Search products' }).fill('visio');
  await expectAddress(page, `${BASE}/products`, '?q=visio');
  await page.getByRole('searchbox', { name: 'Search products' }).fill('');
  await expectAddress(page, `${BASE}/products`);
  await page.getByRole('button', { name: /^Filter/ }).click();
  await page.getByRole('radio', { name: 'Self-service' }).check();
  await expectAddress(page, `${BASE}/products`, '?channel=self_service');

  // A row's More actions menu opens a pane (the subscriptions area), which saves and returns to the filtered list.
  const basic = 'Microsoft 365 Business Basic';
  await page.getByRole('button', { name: `More actions for ${basic}` }).click();
  await page.getByRole('menu').getByRole('menuitem', { name: 'Buy licenses' }).click();
  const buy = page.getByRole('dialog', { name: 'Buy licenses' });
  await expect(buy).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(`${BASE}/products/sub-business-basic/buy`);
  await buy.getByRole('textbox', { name: 'Total number of licenses' }).fill('101');
  await expect(buy.getByText('Change: +1 license', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await buy.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${basic} now has 101 licenses (1 added).` })).toBeVisible();
  await expectAddress(page, `${BASE}/products`, '?channel=self_service');

  // A product's page, from its row's link; its pane, and the way back.
  await page.getByRole('link', { name: basic, exact: true }).click();
  await expectAddress(page, `${BASE}/products/sub-business-basic`);
  await expect(page.getByRole('heading', { level: 1, name: basic })).toBeVisible();
  await page.getByRole('link', { name: 'Buy licenses' }).click();
  await expect(page.getByRole('dialog', { name: 'Buy licenses' })).toBeVisible();
  await expectAddress(page, `${BASE}/products/sub-business-basic/buy`);
  await page.keyboard.press('Escape');
  await expectAddress(page, `${BASE}/products/sub-business-basic`);

  // Licenses, a subscription's assignments and the assign pane.
  await nav.getByRole('link', { name: 'Licenses', exact: true }).click();
  await expectAddress(page, `${BASE}/licenses`);
  await page.getByRole('link', { name: 'Power BI Pro', exact: true }).click();
  await expectAddress(page, `${BASE}/licenses/sub-power-bi-pro`);
  await page.getByRole('link', { name: 'Assign licenses' }).click();
  const assign = page.getByRole('dialog', { name: 'Assign licenses to users' });
  await assign.getByRole('combobox', { name: 'Name or e-mail' }).fill('bjorn');
  await expect(page.getByRole('option', { name: /Björn Ängström/ })).toBeVisible();
  await expectAddress(page, `${BASE}/licenses/sub-power-bi-pro/assign`);
  await expectAccessible(page);
  await assign.getByRole('button', { name: 'Close pane' }).click();
  await expectAddress(page, `${BASE}/licenses/sub-power-bi-pro`);
  await page.getByRole('searchbox', { name: 'Search people with a license' }).fill('anna');
  await expectAddress(page, `${BASE}/licenses/sub-power-bi-pro`, '?q=anna');

  // Invoices: a range in the address, an invoice, and back to the same range.
  await nav.getByRole('link', { name: 'Invoices', exact: true }).click();
  await expectAddress(page, `${BASE}/billing/invoices`);
  await page.getByRole('combobox', { name: 'Date range' }).selectOption({ label: 'Past 6 months' });
  await expectAddress(page, `${BASE}/billing/invoices`, '?range=6m');
  const invoices = page.getByRole('table', { name: 'Invoices in the date range' });
  await invoices.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`^${origin}${BASE}/billing/invoices/[^/?]+\\?range=6m$`));
  await page.getByRole('link', { name: 'Back to Invoices' }).click();
  await expectAddress(page, `${BASE}/billing/invoices`, '?range=6m');

  // Payment methods: the hosted card fields of the payments origin, in the billing area's pane.
  await nav.getByRole('link', { name: 'Payment methods', exact: true }).click();
  await page.getByRole('link', { name: 'Add a payment method' }).click();
  const add = page.getByRole('dialog', { name: 'Add a payment method' });
  await expect(hostedField(add, 'Card number')).toBeEditable();
  await expectAddress(page, `${BASE}/billing/payment-methods/add`);
  await expectAccessible(page);
  await add.getByRole('button', { name: 'Close pane' }).click();
  await expectAddress(page, `${BASE}/billing/payment-methods`);

  // Billing profiles, and a profile's page from its link.
  await nav.getByRole('link', { name: 'Billing profiles', exact: true }).click();
  await expectAddress(page, `${BASE}/billing/profiles`);
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`^${origin}${BASE}/billing/profiles/[^/?]+$`));

  // Help (the extras area), and the brand link home.
  await nav.getByRole('link', { name: 'Help', exact: true }).click();
  await expectAddress(page, `${BASE}/help`);
  await expect(page.getByRole('heading', { level: 1, name: 'Help' })).toBeVisible();
  await page.getByRole('link', { name: 'Self-service purchases' }).first().click();
  await expectAddress(page, `${BASE}/products`);

  const outside = paths.filter((path) => !/^\/(portal|api|dev)\//.test(path) || path.startsWith('/portal/portal/'));
  expect(outside, 'requests outside /portal/, /api/ and /dev/').toEqual([]);
  for (const file of ['config.json', 'favicon.svg']) expect(paths).toContain(`${BASE}/${file}`);
  expect(paths.filter((path) => /^\/portal\/(split|chunk)_.*\.wasm$/.test(path)).length, 'area modules').toBeGreaterThan(3);
});

test('an address under /portal/ opens its page directly, and one that is no page says so', async ({ page }) => {
  await signIn(page, `${BASE}/billing/invoices?range=6m`);
  await expect(page.getByRole('heading', { level: 2, name: 'Invoices' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Date range' })).toHaveValue('6m');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Date range' })).toHaveValue('6m');

  await page.goto('nope');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to Your products' }).click();
  await expectAddress(page, `${BASE}/products`);
  await expect(page.getByRole('heading', { level: 1, name: 'Your products' })).toBeVisible();
});

test('the site root goes to /portal/, which opens Your products', async ({ page, request }) => {
  await signIn(page, '/');
  await expectAddress(page, `${BASE}/products`);
  await expect(page.getByRole('heading', { level: 1, name: 'Your products' })).toBeVisible();
  expect((await request.get('/products', { maxRedirects: 0 })).status()).toBe(404);
});

test('nothing under /portal/ violated the Content-Security-Policy', async ({ request }) => {
  const response = await request.get('/dev/csp-reports');
  expect(response.ok()).toBeTruthy();
  expect(await response.json()).toEqual([]);
});
