import { type APIRequestContext } from '@playwright/test';
import { test, expect, Key, type App } from './webdriver';
import { resetData, ordersOf, proratedNow, monthsBefore, iso, PURCHASER } from '../helpers';

// The documented flows in Firefox and in WebKit, against the release build, with the same labels as the Chromium
// projects. The backend is the suite's (playwright.config.ts); each test starts from its demo data.
test.beforeEach(async ({ request }) => {
  await resetData(request);
  // The API client of the test signs in as the purchaser too, to check what the backend recorded.
  expect((await request.get(`/dev/sign-in?user=${encodeURIComponent(PURCHASER)}&redirect=%2F`)).ok()).toBeTruthy();
});
test.afterEach(async ({ request }) => resetData(request));

const BASIC = 'Microsoft 365 Business Basic';

/** Opens a product's More actions menu in the list and chooses an entry. */
async function chooseFromRowMenu(app: App, product: string, entry: string) {
  await app.get('row', new RegExp(product)).get('button', `More actions for ${product}`).click();
  await app.get('menu', `More actions for ${product}`).get('menuitem', entry).click();
}

/** Invoice numbers of a date range, as the API lists them. */
async function invoiceNumbers(request: APIRequestContext, from: string, to: string): Promise<string[]> {
  const response = await request.get(`/api/v1/invoices?from=${from}&to=${to}`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()).map((invoice: { number: string }) => invoice.number);
}

/** Waits until the invoices table lists exactly `numbers`, in order (each row's number links to the invoice; its
 * other link is the row's PDF). */
async function expectInvoices(app: App, numbers: string[]) {
  const links = app.get('table', 'Invoices in the date range').get('link');
  let shown: string[] = [];
  await app.until(async () => {
    shown = (await Promise.all((await links.all()).map((link) => link.getText()))).filter((text) => text !== 'PDF');
    return JSON.stringify(shown) === JSON.stringify(numbers);
  }, () => `the invoices ${numbers.join(', ')} (shown: ${shown.join(', ')})`);
}

test('sign in, Your products, and the Self-service filter', async ({ app }) => {
  await app.signIn('/products');
  await app.get('heading', 'Your products').element();
  await app.get('row', /Microsoft Copilot Studio/).element();
  await app.expectAccessible();
  const filter = app.get('button', 'Filter');
  await filter.attribute('aria-expanded', 'false');
  await filter.click();
  await filter.attribute('aria-expanded', 'true');
  await app.get('radio', 'Self-service').click();
  await app.waitForPath(/channel=self_service/);
  await app.get('row', /Microsoft Copilot Studio/).gone();
  await app.get('table').get('rowheader').count(8);
  await app.expectAccessible();
});

test('Buy licenses: the quote before saving, Save, and the backend charged once', async ({ app, request }) => {
  await app.signIn('/products');
  const charge = await proratedNow(request, 'sub-business-basic', 5);
  await chooseFromRowMenu(app, BASIC, 'Buy licenses');
  const pane = app.get('dialog', 'Buy licenses');
  await app.waitForPath(/^\/products\/sub-business-basic\/buy/);
  const total = pane.get('textbox', 'Total number of licenses');
  await total.property('value', '100');
  await total.fill('105');
  await pane.text('Change: +5 licenses');
  await pane.text(`${charge.text()} charged now`);
  await pane.text('SEK 7,245.00 per month');
  await app.expectAccessible();
  await pane.get('button', 'Save').click();

  await pane.gone();
  await app.waitForPath(/^\/products$/);
  await app.withText('status', `${BASIC} now has 105 licenses (5 added).`).element();
  await app.get('row', new RegExp(BASIC)).text('40 of 105 assigned');
  const orders = await ordersOf(request, 'sub-business-basic');
  expect(orders).toHaveLength(1);
  expect(orders[0]).toMatchObject({ kind: 'licenses_added', from_total: 100, to_total: 105, amount: { amount: charge.amount, currency: 'SEK' } });
});

test('assign two people through the typeahead with the keyboard alone', async ({ app, request }) => {
  await app.signIn('/licenses/sub-power-bi-pro');
  await app.get('link', 'Assign licenses').click();
  const pane = app.get('dialog', 'Assign licenses to users');
  const box = pane.get('combobox', 'Name or e-mail');
  await box.focused();
  for (const [query, person] of [['bjorn.angstrom@', /Björn Ängström/], ['wang.fang@', /王芳 wang\.fang@/]] as const) {
    await app.press(...query);
    await app.get('option', person).element();
    await app.press(Key.ARROW_DOWN);
    await box.attribute('aria-activedescendant', 'person-option-0');
    await app.press(Key.ENTER);
    await app.get('listbox').gone();
    await box.property('value', '');
  }
  await pane.get('region', 'Chosen people: 2 of at most 20').get('listitem').count(2);
  await app.expectAccessible();
  // Tab goes through each chosen person's remove button to Assign.
  const assign = pane.get('button', 'Assign');
  for (let tabs = 0; tabs < 4 && !(await assign.isFocused()); tabs++) await app.press(Key.TAB);
  await assign.focused();
  await app.press(Key.ENTER);
  await pane.get('heading', 'Done: 2 people got a license.').element();

  const response = await request.get('/api/v1/subscriptions/sub-power-bi-pro/assignments?page_size=100');
  expect(response.ok()).toBeTruthy();
  const names = (await response.json()).items.map((a: { person: { display_name: string } }) => a.person.display_name);
  expect(names).toEqual(expect.arrayContaining(['Björn Ängström', '王芳']));
});

test('cancel a subscription with a reason, from its More actions menu', async ({ app, request }) => {
  await app.signIn('/products');
  await chooseFromRowMenu(app, 'Power BI Pro', 'Cancel subscription');
  const pane = app.get('dialog', 'Cancel subscription');
  await pane.get('button', 'Save').click();
  await pane.text('Choose a reason for cancelling.');
  const reason = pane.get('radio', "It's too expensive");
  await reason.focused();
  await app.press(Key.SPACE);
  await reason.property('checked', true);
  await pane.get('textbox', 'Feedback (optional)').fill('Vi byter leverantör');
  await app.expectAccessible();
  await pane.get('button', 'Save').click();
  await pane.gone();
  await app.withText('status', 'Power BI Pro is cancelled.').element();
  await app.get('row', /Power BI Pro/).text('Cancelled');
  const orders = await ordersOf(request, 'sub-power-bi-pro');
  expect(orders).toHaveLength(1);
  expect(orders[0]).toMatchObject({ kind: 'cancelled', reason: 'too_expensive', feedback: 'Vi byter leverantör' });
});

test('Invoices: each date range, then an invoice and its PDF', async ({ app, request }) => {
  await app.signIn('/billing/invoices');
  const today = new Date();
  const range = app.get('combobox', 'Date range');
  await range.property('value', '3m');
  await expectInvoices(app, await invoiceNumbers(request, iso(monthsBefore(today, 3)), iso(today)));
  await app.expectAccessible();

  await range.choose('Past 6 months');
  await app.waitForPath(/range=6m/);
  await expectInvoices(app, await invoiceNumbers(request, iso(monthsBefore(today, 6)), iso(today)));

  await range.choose('Specify a date range');
  const from = iso(new Date(today.getFullYear(), today.getMonth() - 5, 1));
  const to = iso(new Date(today.getFullYear(), today.getMonth() - 3, 1));
  await app.labelled('From').typeDate(from);
  await app.labelled('To').typeDate(to);
  await app.get('button', 'Apply').click();
  await app.waitForPath(new RegExp(`range=custom&from=${from}&to=${to}`));
  const custom = await invoiceNumbers(request, from, to);
  expect(custom.length).toBeGreaterThan(0);
  await expectInvoices(app, custom);
  await app.expectAccessible();

  await app.get('link', custom[0]).click();
  await app.get('heading', new RegExp(custom[0])).element();
  const href = await (await app.get('link', 'Download PDF').element()).getAttribute('href');
  const download = await request.get(href);
  expect(download.headers()['content-type']).toBe('application/pdf');
  const pdf = (await download.body()).toString('latin1');
  expect(pdf.startsWith('%PDF-1.4')).toBe(true);
  expect(pdf).toContain(`(Invoice ${custom[0]})`);
  await app.expectAccessible();
});

test('add a card: its number and security code typed into the hosted fields', async ({ app, request }) => {
  await app.signIn('/billing/payment-methods');
  await app.get('link', 'Add a payment method').click();
  const pane = app.get('dialog', 'Add a payment method');
  for (const [label, value] of [['Card number', '4111 1111 1111 1111'], ['Security code', '737']]) {
    await app.inFrame(label, async () => {
      const field = app.get('textbox', label);
      await field.click();
      await app.press(...value);
      await field.property('value', value);
    });
  }
  await app.withText('status', 'Recognised as Visa.').element();
  await pane.get('combobox', 'Month').choose('01');
  await pane.get('combobox', 'Year').choose(String(new Date().getFullYear() + 3));
  await pane.get('textbox', 'Name on card').fill('Åsa Öström');
  await pane.get('combobox', 'Country or region').choose('Sweden');
  await pane.get('textbox', 'Street address').fill('Drottninggatan 1');
  await pane.get('textbox', 'City').fill('Stockholm');
  await pane.get('textbox', 'Postal code').fill('111 51');
  await app.expectAccessible();
  const add = pane.get('button', 'Add');
  await add.attribute('aria-disabled', null);
  await add.click();
  await pane.gone();
  await app.withText('status', 'Visa ending in 1111 is added.').element();
  await app.get('link', 'Visa ending in 1111').element();

  const methods = await (await request.get('/api/v1/payment-methods')).json();
  expect(methods.map((m: { last4: string }) => m.last4)).toContain('1111');
  // The app's page never held the number: it lived in the payments origin's frame.
  expect(await app.driver.executeScript('return document.documentElement.outerHTML.replace(/ /g, "").includes("4111111111111111")')).toBe(false);
});

test('switch to Swedish: the page, its numbers and dates, and the choice kept across a reload', async ({ app }) => {
  await app.signIn('/products');
  await app.get('heading', 'Your products').element();
  await app.get('combobox', 'Language').choose('Svenska');
  await app.get('heading', 'Dina produkter').element();
  expect(await app.driver.executeScript('return document.documentElement.lang')).toBe('sv');
  const row = app.get('row', new RegExp(BASIC));
  await row.text('40 av 100 tilldelade');
  await row.text('69,00 kr per månad');
  await row.text(/Förnyas den \d{1,2} [a-zé]{3,4}\.? \d{4}/);
  await app.expectAccessible();
  await app.driver.navigate().refresh();
  await app.get('heading', 'Dina produkter').element();
  await app.get('button', 'Filter').click();
  await app.get('radio', 'Självbetjäning').element();
  await app.get('combobox', 'Språk').choose('English');
  await app.get('heading', 'Your products').element();
});
