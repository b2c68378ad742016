import { type Page } from '@playwright/test';
import { test, expect } from './card-guard';
import { signIn, expectAccessible, armFault, resetData, ordersOf, subscriptionOf, proratedNow, iso, monthsBefore } from './helpers';

test.beforeEach(async ({ request }) => resetData(request));
test.afterEach(async ({ request }) => resetData(request));

const BASIC = 'Microsoft 365 Business Basic';

/** Opens a product's More actions menu in the list and chooses an entry. */
async function chooseFromRowMenu(page: Page, product: string, entry: string) {
  const row = page.getByRole('row', { name: new RegExp(product) });
  await row.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: entry }).click();
}

test('the seed scenario: 100 → 105, Save, and the list shows 105, charged once', async ({ page, request }) => {
  await signIn(page);
  const charge = await proratedNow(page, 'sub-business-basic', 5);
  const row = page.getByRole('row', { name: new RegExp(BASIC) });
  await row.getByRole('button', { name: 'More actions' }).click();
  const menu = page.getByRole('menu', { name: `More actions for ${BASIC}` });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Buy licenses' })).toBeFocused();
  await expect(menu.getByRole('menuitem', { name: /Remove licenses/ })).toHaveAttribute('aria-disabled', 'true');
  await expect(menu.getByRole('menuitem', { name: /Remove licenses/ })).toContainText('within 7 days');
  await expectAccessible(page);
  await menu.getByRole('menuitem', { name: 'Buy licenses' }).click();

  const pane = page.getByRole('dialog', { name: 'Buy licenses' });
  await expect(pane).toBeVisible();
  await expect(page).toHaveURL(/\/products\/sub-business-basic\/buy\?back=%2Fproducts$/);
  const total = pane.getByRole('textbox', { name: 'Total number of licenses' });
  await expect(total).toHaveValue('100');
  await total.fill('105');
  await expect(pane.getByText('Change: +5 licenses')).toBeVisible();
  await expect(pane.getByText(`${charge.text()} charged now`)).toBeVisible();
  await expect(pane.getByText('SEK 7,245.00 per month')).toBeVisible();
  await expectAccessible(page);
  await pane.getByRole('button', { name: 'Save' }).click();

  // Opened from the list, the pane returns to it, which shows the new total.
  await expect(pane).toBeHidden();
  await expect(page).toHaveURL(/\/products$/);
  await expect(page.getByRole('status').filter({ hasText: `${BASIC} now has 105 licenses (5 added).` })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(BASIC) })).toContainText('40 of 105 assigned');
  await page.getByRole('link', { name: BASIC }).click();
  const detail = page.locator('dl.details dt', { hasText: 'Total licenses' }).locator('xpath=following-sibling::dd[1]');
  await expect(detail).toHaveText('105');

  const orders = await ordersOf(request, 'sub-business-basic');
  expect(orders).toHaveLength(1);
  expect(orders[0]).toMatchObject({ kind: 'licenses_added', from_total: 100, to_total: 105, amount: { amount: charge.amount, currency: 'SEK' } });
});

test('a pane opened from a filtered list returns to the list with its filters', async ({ page }) => {
  await signIn(page, '/products?q=power');
  await chooseFromRowMenu(page, 'Power BI Pro', 'Cancel subscription');
  await expect(page.getByRole('dialog', { name: 'Cancel subscription' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/products\?q=power$/);
  await expect(page.getByRole('searchbox', { name: 'Search products' })).toHaveValue('power');
});

test('removing licenses lowers the total and shows the credit', async ({ page, request }) => {
  await signIn(page);
  const credit = await proratedNow(page, 'sub-power-bi-pro', -5);
  await chooseFromRowMenu(page, 'Power BI Pro', 'Remove licenses');
  const pane = page.getByRole('dialog', { name: 'Remove licenses' });
  await pane.getByRole('textbox', { name: 'Total number of licenses' }).fill('20');
  await expect(pane.getByText('Change: −5 licenses')).toBeVisible();
  await expect(pane.getByText(`${credit.text()} credited now`)).toBeVisible();
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Power BI Pro now has 20 licenses (5 removed).' })).toBeVisible();
  expect((await subscriptionOf(page, 'sub-power-bi-pro')).total_licenses).toBe(20);
  expect((await ordersOf(request, 'sub-power-bi-pro')).map((o) => o.kind)).toEqual(['licenses_removed']);
});

test('every invalid total has its message beside the box, and Save stays disabled', async ({ page }) => {
  await signIn(page, '/products/sub-business-basic/buy');
  const pane = page.getByRole('dialog', { name: 'Buy licenses' });
  const total = pane.getByRole('textbox', { name: 'Total number of licenses' });
  const save = pane.getByRole('button', { name: 'Save' });
  const cases: [string, string | RegExp][] = [
    ['', 'Enter the total number of licenses you want.'],
    ['10.5', 'Enter a whole number using digits only'],
    ['1e2', 'Enter a whole number using digits only'],
    ['-5', 'Enter a whole number using digits only'],
    ['10 5', 'Enter a whole number using digits only'],
    ['abc', 'Enter a whole number using digits only'],
    ['0', "The total can't be 0. To stop paying for this product, cancel the subscription instead."],
    ['301', "The total can't be more than 300 for this product."],
    ['100', "That's the current total, so there's nothing to save."],
    ['90', /You can't remove licenses now\. Licenses can be removed only within 7 days .* closed on/],
  ];
  for (const [typed, message] of cases) {
    // From a valid, priced total (Save enabled) to the invalid one: Save turns disabled because of it.
    await total.fill('104');
    await expect(save).toBeEnabled();
    await total.fill(typed);
    await expect(pane.locator('#license-total-message')).toContainText(message);
    await expect(save).toBeDisabled();
    if (typed !== '100') await expect(total).toHaveAttribute('aria-invalid', 'true');
  }
  await expect(total).toHaveAccessibleDescription(/reduction|within 7 days/);
  await expectAccessible(page);
  // Digits of another script are read as the number they are.
  await total.fill('١٠٥');
  await expect(pane.getByText('Change: +5 licenses')).toBeVisible();
  await expect(save).toBeEnabled();
  await expect(total).toHaveAttribute('aria-invalid', 'false');
});

test('below the assigned count, the message says how many are assigned and links to unassigning', async ({ page }) => {
  await signIn(page, '/products/sub-power-bi-pro/reduce');
  const pane = page.getByRole('dialog', { name: 'Remove licenses' });
  await pane.getByRole('textbox', { name: 'Total number of licenses' }).fill('9');
  await expect(pane.getByText("10 licenses are assigned to people, so the total can't be lower than 10.")).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Save' })).toBeDisabled();
  await expectAccessible(page);
  await pane.getByRole('link', { name: 'Unassign licenses' }).click();
  await expect(page).toHaveURL(/\/licenses\/sub-power-bi-pro$/);
});

test('each pane goes one way: a higher total in Remove licenses points to Buy licenses', async ({ page }) => {
  await signIn(page, '/products/sub-power-bi-pro/reduce');
  const pane = page.getByRole('dialog', { name: 'Remove licenses' });
  const total = pane.getByRole('textbox', { name: 'Total number of licenses' });
  await total.fill('25');
  await expect(pane.getByText("That's the current total, so there's nothing to save. Enter a lower number to remove licenses.")).toBeVisible();
  await total.fill('30');
  await expect(pane.getByText('That would add licenses, and this pane removes them.')).toBeVisible();
  await expect(pane.getByText(/Change:/)).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Save' })).toBeDisabled();
  await pane.getByRole('link', { name: 'Buy licenses' }).click();
  const buy = page.getByRole('dialog', { name: 'Buy licenses' });
  await expect(buy.getByRole('textbox', { name: 'Total number of licenses' })).toHaveValue('25');
  // Typing replaces the selected total instead of adding digits to it.
  await expect(buy.getByRole('textbox', { name: 'Total number of licenses' })).toBeFocused();
  await page.keyboard.type('27');
  await expect(buy.getByRole('textbox', { name: 'Total number of licenses' })).toHaveValue('27');
  await expect(buy.getByText('Change: +2 licenses')).toBeVisible();
});

test('an invalid number shows no change line', async ({ page }) => {
  await signIn(page, '/products/sub-power-bi-pro/reduce');
  const pane = page.getByRole('dialog', { name: 'Remove licenses' });
  await pane.getByRole('textbox', { name: 'Total number of licenses' }).fill('0');
  await expect(pane.getByText("The total can't be 0.")).toBeVisible();
  await expect(pane.getByText(/Change:/)).toHaveCount(0);
});

test('a menu near the bottom of the list is shown whole, not clipped by the table', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await signIn(page);
  const row = page.getByRole('row', { name: /Project Plan 3/ });
  await row.getByRole('button', { name: 'More actions' }).click();
  const reactivate = page.getByRole('menuitem', { name: 'Reactivate subscription' });
  await expect(reactivate).toBeInViewport({ ratio: 1 });
  await reactivate.click();
  await expect(page.getByRole('dialog', { name: 'Reactivate subscription' })).toBeVisible();
});

test('an open menu stays open and beside its button when the page scrolls', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 480 });
  await signIn(page);
  const button = page.getByRole('row', { name: /Power BI Pro/ }).getByRole('button', { name: 'More actions' });
  await button.click();
  const menu = page.getByRole('menu', { name: /More actions for Power BI Pro/ });
  await expect(menu).toBeVisible();
  await page.evaluate(() => window.scrollBy(0, 120));
  await expect(page.getByRole('menuitem', { name: 'Cancel subscription' })).toBeVisible();
  await expect(async () => {
    const [b, m] = [await button.boundingBox(), await menu.boundingBox()];
    expect(b && m && Math.abs(m.y - (b.y + b.height)) < 12 || b && m && Math.abs(m.y + m.height - b.y) < 12).toBe(true);
  }).toPass();
});

test('a slow quote for an earlier total never replaces the newer one', async ({ page, request }) => {
  await signIn(page, '/products/sub-business-basic/buy');
  const forSeven = await proratedNow(page, 'sub-business-basic', 7);
  const forFive = await proratedNow(page, 'sub-business-basic', 5);
  const pane = page.getByRole('dialog', { name: 'Buy licenses' });
  const total = pane.getByRole('textbox', { name: 'Total number of licenses' });
  await armFault(request, { method: 'POST', path: '/api/v1/subscriptions/sub-business-basic/quantity-quote', delay_ms: 2000 });
  const slow = page.waitForResponse((r) => r.url().endsWith('/quantity-quote') && r.request().postData() === '{"total":105}');
  await total.fill('105');
  await page.waitForRequest((r) => r.url().endsWith('/quantity-quote'));
  await total.fill('107');
  await expect(pane.getByText(`${forSeven.text()} charged now`)).toBeVisible();
  await slow;
  await expect(pane.getByText(`${forSeven.text()} charged now`)).toBeVisible();
  await expect(pane.getByText(`${forFive.text()} charged now`)).toHaveCount(0);
  await expect(pane.getByText('Change: +7 licenses')).toBeVisible();
});

test('a failed price quote blocks saving until Try again prices it', async ({ page, request }) => {
  await signIn(page, '/products/sub-business-basic/buy');
  const charge = await proratedNow(page, 'sub-business-basic', 5);
  const pane = page.getByRole('dialog', { name: 'Buy licenses' });
  await armFault(request, { method: 'POST', path: '/api/v1/subscriptions/sub-business-basic/quantity-quote', status: 503 });
  await pane.getByRole('textbox', { name: 'Total number of licenses' }).fill('105');
  await expect(pane.getByRole('alert')).toContainText("We couldn't calculate the price, so you can't save yet.");
  await expect(pane.getByRole('button', { name: 'Save' })).toBeDisabled();
  await pane.getByRole('button', { name: 'Try again' }).click();
  await expect(pane.getByText(`${charge.text()} charged now`)).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Save' })).toBeEnabled();
});

test('zero points to cancelling instead', async ({ page }) => {
  await signIn(page, '/products/sub-power-bi-pro/reduce');
  const pane = page.getByRole('dialog', { name: 'Remove licenses' });
  await pane.getByRole('textbox', { name: 'Total number of licenses' }).fill('0');
  await pane.getByRole('link', { name: 'Cancel subscription' }).click();
  await expect(page.getByRole('dialog', { name: 'Cancel subscription' })).toBeVisible();
});

test('a change made elsewhere meanwhile (412) is explained, keeps the typed total, and saving again works', async ({ page, request }) => {
  await signIn(page, '/products/sub-business-basic/buy');
  const charge = await proratedNow(page, 'sub-business-basic', 5);
  const pane = page.getByRole('dialog', { name: 'Buy licenses' });
  const total = pane.getByRole('textbox', { name: 'Total number of licenses' });
  await total.fill('105');
  await expect(pane.getByText(`${charge.text()} charged now`)).toBeVisible();

  // Someone else adds 3 licenses from another tab.
  const me = await (await page.request.get('/api/v1/me')).json();
  const before = await subscriptionOf(page, 'sub-business-basic');
  const other = await page.request.put('/api/v1/subscriptions/sub-business-basic/quantity', {
    headers: { 'x-csrf-token': me.csrf_token, 'if-match': before.etag, 'idempotency-key': 'another-tab' },
    data: { total: 103 },
  });
  expect(other.status()).toBe(200);

  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane.getByRole('alert')).toContainText('Someone else changed this subscription while you were editing. It now has 103 licenses.');
  await expect(total).toHaveValue('105');
  await expect(pane.getByText('You have 103 licenses now')).toBeVisible();
  await expect(pane.getByText('Change: +2 licenses')).toBeVisible();
  await expectAccessible(page);
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane).toBeHidden();
  expect((await subscriptionOf(page, 'sub-business-basic')).total_licenses).toBe(105);
  expect((await ordersOf(request, 'sub-business-basic')).map((o) => o.to_total)).toEqual([103, 105]);
});

test('a save whose answer is lost is retried with the same key and charged once', async ({ page, request }) => {
  await signIn(page, '/products/sub-business-basic/buy');
  const charge = await proratedNow(page, 'sub-business-basic', 5);
  const pane = page.getByRole('dialog', { name: 'Buy licenses' });
  await pane.getByRole('textbox', { name: 'Total number of licenses' }).fill('105');
  await expect(pane.getByText(`${charge.text()} charged now`)).toBeVisible();
  const keys: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PUT') keys.push(r.headers()['idempotency-key']);
  });
  // The change is made, but a gateway times out and the answer is lost.
  await armFault(request, { method: 'PUT', path: '/api/v1/subscriptions/sub-business-basic/quantity', after: true });
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane.getByRole('alert')).toContainText("won't be made or charged twice");
  await expect(pane.getByRole('textbox', { name: 'Total number of licenses' })).toHaveValue('105');
  await expectAccessible(page);
  await pane.getByRole('button', { name: 'Try again' }).click();
  await expect(pane).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'now has 105 licenses (5 added)' })).toBeVisible();
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  const orders = await ordersOf(request, 'sub-business-basic');
  expect(orders).toHaveLength(1);
});

test('offline while saving: the person is told, and Try again once back online saves once', async ({ page, request }) => {
  await signIn(page, '/products/sub-business-basic/buy');
  const charge = await proratedNow(page, 'sub-business-basic', 3);
  const pane = page.getByRole('dialog', { name: 'Buy licenses' });
  await pane.getByRole('textbox', { name: 'Total number of licenses' }).fill('103');
  await expect(pane.getByText(`${charge.text()} charged now`)).toBeVisible();
  await page.context().setOffline(true);
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane.getByRole('alert')).toContainText("We couldn't reach the service, so we can't tell whether the change was made.");
  await expect(pane.getByRole('textbox', { name: 'Total number of licenses' })).toHaveValue('103');
  await page.context().setOffline(false);
  await pane.getByRole('button', { name: 'Try again' }).click();
  await expect(pane).toBeHidden();
  expect((await ordersOf(request, 'sub-business-basic')).map((o) => o.to_total)).toEqual([103]);
});

test('a failed save (500) leaves the form as it was and a retry succeeds once', async ({ page, request }) => {
  await signIn(page, '/products/sub-business-basic/buy');
  const charge = await proratedNow(page, 'sub-business-basic', 7);
  const pane = page.getByRole('dialog', { name: 'Buy licenses' });
  await pane.getByRole('textbox', { name: 'Total number of licenses' }).fill('107');
  await expect(pane.getByText(`${charge.text()} charged now`)).toBeVisible();
  await armFault(request, { method: 'PUT', path: '/api/v1/subscriptions/sub-business-basic/quantity', status: 500 });
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane.getByRole('alert')).toContainText("Something went wrong on our side, so we can't confirm the change.");
  await expect(pane.getByRole('button', { name: 'Save' })).toBeFocused();
  await expect(pane.getByRole('textbox', { name: 'Total number of licenses' })).toHaveValue('107');
  expect(await ordersOf(request, 'sub-business-basic')).toHaveLength(0);
  await pane.getByRole('button', { name: 'Save' }).dblclick();
  await expect(pane).toBeHidden();
  expect((await subscriptionOf(page, 'sub-business-basic')).total_licenses).toBe(107);
  expect(await ordersOf(request, 'sub-business-basic')).toHaveLength(1);
});

test('keyboard only: the menu button, its menu and the pane', async ({ page }) => {
  await signIn(page, '/products/sub-business-basic');
  const charge = await proratedNow(page, 'sub-business-basic', 2);
  const button = page.getByRole('button', { name: `More actions for ${BASIC}` });
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(menu.getByRole('menuitem', { name: 'Buy licenses' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: /Cancel subscription/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Buy licenses' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: /Cancel subscription/ })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(menu.getByRole('menuitem', { name: 'Buy licenses' })).toBeFocused();
  // Typing a letter moves to the next entry starting with it.
  await page.keyboard.press('c');
  await expect(menu.getByRole('menuitem', { name: /Cancel subscription/ })).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Buy licenses' })).toBeFocused();
  await page.keyboard.press('Enter');

  const pane = page.getByRole('dialog', { name: 'Buy licenses' });
  await expect(pane).toBeVisible();
  const total = pane.getByRole('textbox', { name: 'Total number of licenses' });
  while (!(await total.evaluate((el) => el === document.activeElement))) await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('102');
  await expect(pane.getByText(`${charge.text()} charged now`)).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(pane).toBeHidden();
  await expect(button).toBeFocused();
  await expect(page.locator('dl.details dt', { hasText: 'Total licenses' }).locator('xpath=following-sibling::dd[1]')).toHaveText('102');
});

test('in Swedish: Fler åtgärder, Köp licenser, Totalt antal licenser, Spara', async ({ page }) => {
  await signIn(page);
  const charge = await proratedNow(page, 'sub-business-basic', 5);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
  const row = page.getByRole('row', { name: new RegExp(BASIC) });
  await row.getByRole('button', { name: 'Fler åtgärder' }).click();
  await page.getByRole('menuitem', { name: 'Köp licenser' }).click();
  const pane = page.getByRole('dialog', { name: 'Köp licenser' });
  await pane.getByRole('textbox', { name: 'Totalt antal licenser' }).fill('105');
  await expect(pane.getByText('Ändring: +5 licenser')).toBeVisible();
  await expect(pane.getByText(new RegExp(`${charge.text('sv').replace(/\s/g, '\\s+')} debiteras nu`))).toBeVisible();
  await expectAccessible(page);
  await pane.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${BASIC} har nu 105 licenser (5 tillagda).` })).toBeVisible();
  await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
});

test('the price preview says VAT is not included and at which rate, the rate of the billing profile’s invoices', async ({ page }) => {
  await signIn(page, '/products/sub-business-basic/buy');
  const pane = page.getByRole('dialog', { name: 'Buy licenses' });
  await pane.getByRole('textbox', { name: 'Total number of licenses' }).fill('105');
  // The rate on the lines of an invoice of the same billing profile.
  const to = iso(new Date());
  const from = iso(monthsBefore(new Date(), 3));
  const invoices: { id: string; billing_profile_id: string }[] = await (await page.request.get(`/api/v1/invoices?from=${from}&to=${to}`)).json();
  const invoice = invoices.find((i) => i.billing_profile_id === 'bp-stockholm')!;
  const detail = await (await page.request.get(`/api/v1/invoices/${invoice.id}`)).json();
  const rate = detail.lines[0].tax_rate as string;
  expect(rate).toBe('0.25');
  const percent = (locale: string) => new Intl.NumberFormat(locale, { style: 'percent' }).format(Number(rate));
  await expect(pane.getByRole('definition').filter({ hasText: 'VAT' })).toHaveText(`Not included: ${percent('en')} VAT is added on the invoice.`);
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(pane).toBeHidden();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
  await page.goto('/products/sub-business-basic/buy');
  const swedish = page.getByRole('dialog', { name: 'Köp licenser' });
  await swedish.getByRole('textbox').first().fill('105');
  await expect(swedish.getByText(`Ingår inte: ${percent('sv')} moms tillkommer på fakturan.`)).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
});
