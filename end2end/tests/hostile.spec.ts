import { test, expect, type Page } from '@playwright/test';
import { signIn, expectAccessible } from './helpers';
import { HOSTILE, HOSTILE_PEOPLE } from '../hostile-fixture';

// Runs against the second backend (playwright.config.ts, project `hostile`): the demo data with markup, script, bidi
// overrides, invisible characters and a very long name in product, people, profile and invoice-line names. All of it
// must show as the text it is, run nothing, and break no layout.

const ADMIN = 'li.wei@contoso.com';

/** Nothing from the data ran or became an element, and the page does not scroll sideways. */
async function expectInert(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"], svg[onload], b, i')).toHaveCount(0);
  // (Leptos leaves an empty `<script>` as a placeholder; no inline script with content may appear.)
  expect(await page.evaluate(() => [...document.scripts].filter((s) => !s.src && s.text.trim()).length)).toBe(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.afterAll(async ({ request }) => {
  const reports = await (await request.get('/dev/csp-reports')).json();
  expect(reports).toEqual([]);
});

test('hostile product names are shown as text on Your products and their own pages', async ({ page }) => {
  await signIn(page, '/products');
  const table = page.getByRole('table');
  await expect(table.getByRole('link', { name: HOSTILE.productScript, exact: true })).toBeVisible();
  await expect(table.getByRole('link', { name: HOSTILE.productImage, exact: true })).toBeVisible();
  await expectInert(page);
  await expectAccessible(page);
  await table.getByRole('link', { name: HOSTILE.productScript, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: HOSTILE.productScript, exact: true })).toBeVisible();
  await expectInert(page);
});

test('hostile people names are shown as text in the licenses list and the typeahead, and the long one wraps', async ({ page }) => {
  await signIn(page, '/licenses');
  await page.getByRole('link', { name: HOSTILE.productScript, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: HOSTILE.productScript, exact: true })).toBeVisible();
  for (const name of HOSTILE_PEOPLE) await expect(page.getByRole('table').getByText(name, { exact: true })).toBeVisible();
  await expectInert(page);
  await expectAccessible(page);

  await page.setViewportSize({ width: 320, height: 720 });
  await expectInert(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByRole('link', { name: 'Assign licenses' }).click();
  const pane = page.getByRole('dialog', { name: 'Assign licenses' });
  for (const [query, name] of [['Evil', HOSTILE.personOverride], ['Zero', HOSTILE.personInvisible]]) {
    await pane.getByRole('combobox').fill(query);
    await expect(pane.getByRole('option').filter({ hasText: name }).first()).toBeVisible();
    await expectInert(page);
  }
  await expectAccessible(page);
});

test('a hostile billing profile and invoice line are shown as text', async ({ page }) => {
  await signIn(page, '/billing/profiles');
  await expect(page.getByText(HOSTILE.profile, { exact: true }).first()).toBeVisible();
  await expectInert(page);
  await page.goto('/billing/invoices?range=past_6_months');
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('table').getByText(HOSTILE.invoiceLine, { exact: true })).toBeVisible();
  await expectInert(page);
  await expectAccessible(page);
});

test('hostile names reach the CSV exports exactly, quoted, and the admin pages as text', async ({ page }) => {
  await signIn(page, '/admin/self-service', ADMIN);
  await page.getByRole('link', { name: 'Microsoft 365 Business Standard' }).click();
  const people = page.getByRole('region', { name: 'Assigned people' });
  for (const name of HOSTILE_PEOPLE) await expect(people.getByText(name, { exact: true })).toBeVisible();
  await expectInert(page);
  await expectAccessible(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export assigned people (CSV)' }).click();
  const chunks: Buffer[] = [];
  for await (const chunk of await (await downloading).createReadStream()) chunks.push(chunk as Buffer);
  const lines = Buffer.concat(chunks).toString('utf8').slice(1).split('\r\n');
  for (const name of HOSTILE_PEOPLE) {
    expect(lines.some((l) => l.startsWith(`"${name.replace(/"/g, '""')}",`)), name).toBe(true);
  }
});

test('a name with a right-to-left override turns only itself in the sentences it is part of', async ({ page, request }) => {
  await signIn(page, '/licenses');
  await page.getByRole('link', { name: HOSTILE.productScript, exact: true }).click();
  await page.getByRole('checkbox', { name: `Select ${HOSTILE.personOverride}` }).check();
  await page.getByRole('button', { name: 'Remove licenses' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Unassign licenses?' });
  // The sentence reads as written, each name set apart in a <bdi> (Unicode bidi isolation) and nothing added.
  await expect(dialog).toContainText(`${HOSTILE.personOverride} will lose access to ${HOSTILE.productScript} right away.`);
  await expect(dialog.locator('p bdi')).toHaveText([HOSTILE.personOverride, HOSTILE.productScript]);
  await dialog.getByRole('button', { name: 'Unassign' }).click();
  const banner = page.getByRole('status').filter({ hasText: 'no longer has a license' });
  await expect(banner).toContainText(`${HOSTILE.personOverride} no longer has a license for ${HOSTILE.productScript}.`);
  await expect(banner.locator('bdi')).toHaveText([HOSTILE.personOverride, HOSTILE.productScript]);
  await expectInert(page);
  await expectAccessible(page);
  // The other tests here expect the person assigned.
  expect((await request.post('/dev/reset')).status()).toBe(204);
});
