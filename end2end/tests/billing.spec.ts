import { type Page, type Locator } from '@playwright/test';
import { test, expect } from './card-guard';
import { signIn, expectAccessible, armFault, resetData, monthsBefore, iso, hostedField, PAYMENTS_ORIGIN } from './helpers';

test.beforeEach(async ({ request }) => resetData(request));
test.afterEach(async ({ request }) => resetData(request));

interface Money { amount: string; currency: string }
interface Invoice { id: string; number: string; date: string; amount: Money }
interface Line { product: string; quantity: number; unit_price: Money; tax: Money; amount: Money }
interface PaymentMethod { id: string; brand: string; last4: string; expiry: { year: number; month: number } }

async function invoicesIn(page: Page, from: string, to: string): Promise<Invoice[]> {
  const response = await page.request.get(`/api/v1/invoices?from=${from}&to=${to}`);
  expect(response.ok()).toBeTruthy();
  return response.json();
}

/** Exact cents of a decimal string (no floats). */
function cents(amount: string): bigint {
  const [whole, fraction = ''] = amount.split('.');
  const sign = whole.startsWith('-') ? -1n : 1n;
  return sign * (BigInt(whole.replace('-', '')) * 100n + BigInt((fraction + '00').slice(0, 2)));
}

/** Money formatted the way the app formats it in English (Intl, from the exact decimal string). */
function shown(cents: bigint, currency: string): string {
  const text = `${cents < 0n ? '-' : ''}${(cents < 0n ? -cents : cents) / 100n}.${String((cents < 0n ? -cents : cents) % 100n).padStart(2, '0')}`;
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(text as unknown as number);
}

function invoiceRows(page: Page): Locator {
  return page.getByRole('table', { name: 'Invoices in the date range' }).locator('tbody tr');
}

test('Past 3 months is the default; Past 6 months shows more, and the URL keeps it across a reload', async ({ page }) => {
  await signIn(page, '/billing/invoices');
  const today = new Date();
  const range = page.getByRole('combobox', { name: 'Date range' });
  await expect(range).toHaveValue('3m');
  const three = await invoicesIn(page, iso(monthsBefore(today, 3)), iso(today));
  await expect(invoiceRows(page)).toHaveCount(three.length);
  await expect(invoiceRows(page).first()).toContainText(three[0].number);
  // The totals add up each currency exactly.
  const totals = page.getByRole('region', { name: 'Total for this date range' });
  for (const currency of new Set(three.map((i) => i.amount.currency))) {
    const sum = three.filter((i) => i.amount.currency === currency).reduce((s, i) => s + cents(i.amount.amount), 0n);
    await expect(totals).toContainText(shown(sum, currency));
  }
  await expectAccessible(page);

  await range.selectOption({ label: 'Past 6 months' });
  await expect(page).toHaveURL(/range=6m/);
  const six = await invoicesIn(page, iso(monthsBefore(today, 6)), iso(today));
  expect(six.length).toBeGreaterThan(three.length);
  await expect(invoiceRows(page)).toHaveCount(six.length);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Date range' })).toHaveValue('6m');
  await expect(invoiceRows(page)).toHaveCount(six.length);
  await page.goBack();
  await expect(page.getByRole('combobox', { name: 'Date range' })).toHaveValue('3m');
  await expect(invoiceRows(page)).toHaveCount(three.length);
});

test('a typed date range shows the invoices dated within it, both ends included', async ({ page }) => {
  await signIn(page, '/billing/invoices');
  await page.getByRole('combobox', { name: 'Date range' }).selectOption({ label: 'Specify a date range' });
  // Invoices are dated on the first of a month: a range from one first to another includes both.
  const today = new Date();
  const from = iso(new Date(today.getFullYear(), today.getMonth() - 5, 1));
  const to = iso(new Date(today.getFullYear(), today.getMonth() - 3, 1));
  await page.getByRole('textbox', { name: 'From' }).fill(from);
  await page.getByRole('textbox', { name: 'To', exact: true }).fill(to);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`range=custom&from=${from}&to=${to}`));
  const expected = await invoicesIn(page, from, to);
  expect(expected.map((i) => i.date)).toContain(from);
  expect(expected.map((i) => i.date)).toContain(to);
  await expect(invoiceRows(page)).toHaveCount(expected.length);
  await expect(invoiceRows(page).last()).toContainText(expected[expected.length - 1].number);
  await expectAccessible(page);
});

test('a wrong date range is explained beside the dates, keeps what was typed, and shows nothing new', async ({ page }) => {
  await signIn(page, '/billing/invoices');
  await page.getByRole('combobox', { name: 'Date range' }).selectOption({ label: 'Specify a date range' });
  const url = page.url();
  const from = page.getByRole('textbox', { name: 'From' });
  const to = page.getByRole('textbox', { name: 'To', exact: true });
  await from.fill('2026-05-01');
  await to.fill('2026-04-01');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(from).toHaveAccessibleDescription('The first day must be on or before the last day.');
  await expect(from).toBeFocused();
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(from).toHaveValue('2026-05-01');
  await expect(to).toHaveValue('2026-04-01');
  expect(page.url()).toBe(url);
  await expectAccessible(page);

  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 2);
  await to.fill(iso(tomorrow));
  await expect(to).toHaveAccessibleDescription("The last day can't be in the future.");
  await to.fill('');
  await expect(to).toHaveAccessibleDescription('Enter the last day of the range.');
  // Both dates' problems at once.
  await from.fill('');
  await to.fill(iso(tomorrow));
  await expect(from).toHaveAccessibleDescription('Enter the first day of the range.');
  await expect(to).toHaveAccessibleDescription("The last day can't be in the future.");
  await from.fill('2019-01-01');
  await to.fill('2026-01-01');
  await expect(from).toHaveAccessibleDescription('A date range can be at most 3 years long. Choose a later first day.');
  await to.fill('2019-06-30');
  await expect(from).toHaveAccessibleDescription('');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/from=2019-01-01&to=2019-06-30/);
});

test('a range without invoices says so and offers a longer one, one click away', async ({ page }) => {
  const today = new Date();
  // Invoices are dated on the first: the 2nd to the 20th of last month has none.
  const from = iso(new Date(today.getFullYear(), today.getMonth() - 1, 2));
  const to = iso(new Date(today.getFullYear(), today.getMonth() - 1, 20));
  await signIn(page, `/billing/invoices?range=custom&from=${from}&to=${to}`);
  await expect(page.getByText(/There are no invoices from .* to .*\./)).toBeVisible();
  await expect(page.getByText('Invoices may be older: try a longer date range.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Show a longer date range' }).click();
  await expect(invoiceRows(page).first()).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'From' })).not.toHaveValue(from);
});

test('an invoice lists its lines, and subtotal and tax add up to the total exactly', async ({ page }) => {
  await signIn(page, '/billing/invoices?range=6m');
  const today = new Date();
  const [first] = await invoicesIn(page, iso(monthsBefore(today, 6)), iso(today));
  await page.getByRole('link', { name: first.number, exact: true }).click();
  await expect(page.getByRole('heading', { name: `Invoice ${first.number}` })).toBeVisible();
  const detail = await (await page.request.get(`/api/v1/invoices/${first.id}`)).json();
  const lines: Line[] = detail.lines;
  const table = page.getByRole('table', { name: 'Invoice lines' });
  await expect(table.locator('tbody tr')).toHaveCount(lines.length);
  const currency = first.amount.currency;
  const subtotal = lines.reduce((s, l) => s + cents(l.amount.amount), 0n);
  const tax = lines.reduce((s, l) => s + cents(l.tax.amount), 0n);
  for (const line of lines) {
    expect(cents(line.amount.amount)).toBe(cents(line.unit_price.amount) * BigInt(line.quantity));
    const row = table.getByRole('row', { name: new RegExp(line.product.replace(/[()]/g, '.')) });
    await expect(row).toContainText(shown(cents(line.amount.amount), currency));
  }
  expect(subtotal + tax).toBe(cents(first.amount.amount));
  await expect(table.getByRole('row', { name: /Subtotal/ })).toContainText(shown(subtotal, currency));
  await expect(table.getByRole('row', { name: /^Tax/ })).toContainText(shown(tax, currency));
  await expect(table.getByRole('row', { name: /Total/ })).toContainText(shown(subtotal + tax, currency));
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Back to Invoices' }).click();
  await expect(page).toHaveURL(/\/billing\/invoices\?range=6m$/);
});

test('Download PDF gives the invoice as a PDF with its total', async ({ page }) => {
  await signIn(page, '/billing/invoices');
  const today = new Date();
  const [first] = await invoicesIn(page, iso(monthsBefore(today, 3)), iso(today));
  await page.getByRole('link', { name: first.number, exact: true }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${first.number}.pdf`);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const pdf = Buffer.concat(chunks).toString('latin1');
  expect(pdf.startsWith('%PDF-1.4')).toBe(true);
  expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
  expect(pdf).toContain(`(Invoice ${first.number})`);
  const whole = first.amount.amount.split('.')[0].replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  expect(pdf).toContain(`(${whole}.${first.amount.amount.split('.')[1] ?? '00'} ${first.amount.currency})`);
});

test("edit a card: only its security code, expiry, name and address, then Save", async ({ page, card }) => {
  await signIn(page, '/billing/payment-methods');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Visa ending in 4242' }).click();
  const pane = page.getByRole('dialog', { name: 'Visa ending in 4242' });
  await expect(pane.getByText('Åsa Öström')).toBeVisible();
  await expectAccessible(page);
  await pane.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('dialog', { name: 'Visa ending in 4242' });
  await expect(form.getByTitle('Card number')).toHaveCount(0);
  const year = String(new Date().getFullYear() + 6);
  await form.getByRole('combobox', { name: 'Month' }).selectOption('4');
  await form.getByRole('combobox', { name: 'Year' }).selectOption(year);
  const code = await card.type(form, 'Security code', '98');
  await expect(code).toHaveAccessibleDescription(/Leave it empty to keep the current one\.$/);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(code).toHaveAccessibleDescription(/The security code is the 3 digits on the back of the card\.$/);
  await expect(form.getByText('The security code is the 3 digits on the back of the card.')).toBeVisible();
  await expect(form.getByRole('combobox', { name: 'Year' })).toHaveValue(year);
  await expectAccessible(page);
  await card.type(form, 'Security code', '919');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Visa ending in 4242 is updated.' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Visa ending in 4242/ })).toContainText(`04/${year}`);
  const saved: PaymentMethod = await (await page.request.get('/api/v1/payment-methods/pm-visa')).json();
  expect(saved.expiry).toEqual({ year: Number(year), month: 4 });
  expect(saved.last4).toBe('4242');
  // The new code went to the payments origin alone, checked for the stored card's brand; the edit sent its token.
  expect(card.tokenizeRequests().map((r) => JSON.parse(r.body))).toEqual([{ security_code: '919', brand: 'visa' }]);
});

test('add a card: number and security code only in the hosted fields, checked as typed, Add once all is filled in', async ({ page, card }) => {
  const requests: { method: string; url: string; body: string }[] = [];
  page.on('request', (r) => requests.push({ method: r.method(), url: r.url(), body: r.postData() ?? '' }));
  await signIn(page, '/billing/payment-methods');
  await page.getByRole('link', { name: 'Add a payment method' }).click();
  const pane = page.getByRole('dialog', { name: 'Add a payment method' });
  const add = pane.getByRole('button', { name: 'Add', exact: true });
  await expect(add).toBeDisabled();
  // Before the number tells the brand, the security code's hint is right for American Express too.
  await expect(hostedField(pane, 'Security code')).toHaveAccessibleDescription(
    'The 3 digits on the back of the card, or the 4 on the front of an American Express card.',
  );
  const number = await card.type(pane, 'Card number', '4111 1111 1111 1112');
  await number.blur();
  await expect(number).toHaveAccessibleDescription(/That isn't a valid card number\. Check the digits\.$/);
  await expect(pane.getByText("That isn't a valid card number. Check the digits.")).toBeVisible();
  await expect(pane.getByRole('status').filter({ hasText: 'Recognised as Visa.' })).toBeVisible();
  await card.type(pane, 'Card number', '6011 1111 1111 1117');
  await expect(number).toHaveAccessibleDescription(/We accept Visa, Mastercard and American Express/);
  await card.type(pane, 'Card number', '3782 822463 10005');
  await expect(pane.getByRole('status').filter({ hasText: 'Recognised as American Express.' })).toBeVisible();
  const code = await card.type(pane, 'Security code', '737');
  await code.blur();
  await expect(code).toHaveAccessibleDescription(/4 digits on its front/);
  // The number's brand reaches the security code field through the app: 3 digits are right for Visa.
  await card.type(pane, 'Card number', '4111 1111 1111 1111');
  await expect(code).toHaveAccessibleDescription('The 3 digits on the back of the card.');
  await expect(number).toHaveAccessibleDescription('Visa, Mastercard or American Express. Spaces are fine.');
  await expect(add).toBeDisabled();

  const now = new Date();
  const month = pane.getByRole('combobox', { name: 'Month' });
  const year = pane.getByRole('combobox', { name: 'Year' });
  if (now.getMonth() > 0) {
    // Last month of this year has passed (in January no past month can be chosen at all).
    await month.selectOption(String(now.getMonth()));
    await year.selectOption(String(now.getFullYear()));
    await month.blur();
    await expect(pane.getByText('This card has expired.')).toBeVisible();
  }
  await month.selectOption('1');
  await year.selectOption(String(now.getFullYear() + 3));
  await pane.getByRole('textbox', { name: 'Name on card' }).fill('Åsa Öström');
  await pane.getByRole('combobox', { name: 'Country or region' }).selectOption({ label: 'United States' });
  await pane.getByRole('textbox', { name: 'Street address' }).fill('1 Market St');
  await pane.getByRole('textbox', { name: 'City' }).fill('San Francisco');
  await pane.getByRole('textbox', { name: 'Postal code' }).fill('9410');
  await expect(add).toBeDisabled();
  // Unavailable (aria-disabled), it stays focusable and pressable: pressing it says what is missing.
  await add.click({ force: true });
  await expect(pane.getByRole('textbox', { name: 'Postal code' })).toHaveAccessibleDescription(/doesn't look like a postal code/);
  await expect(pane.getByRole('textbox', { name: 'State or province' })).toHaveAccessibleDescription('Enter the state or province.');
  await expect(pane.getByRole('textbox', { name: 'Postal code' })).toBeFocused();
  await expectAccessible(page);
  expect(requests.filter((r) => r.url.includes('/payment-methods') && r.method === 'POST')).toHaveLength(0);
  expect(card.tokenizeRequests()).toHaveLength(0);

  await pane.getByRole('combobox', { name: 'Country or region' }).selectOption({ label: 'Sweden' });
  await expect(pane.getByRole('textbox', { name: 'State or province' })).toHaveCount(0);
  await pane.getByRole('textbox', { name: 'Postal code' }).fill('111 51');
  await expect(add).toBeEnabled();
  await add.click();
  await expect(pane).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Visa ending in 1111 is added.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Visa ending in 1111' })).toBeVisible();

  // The number and code went from the fields to the payments origin, once; the app sent the token it got back.
  const tokenized = card.tokenizeRequests();
  expect(tokenized.map((r) => JSON.parse(r.body))).toEqual([{ number: '4111 1111 1111 1111', security_code: '737' }]);
  expect(tokenized.every((r) => new URL(r.frame).origin === PAYMENTS_ORIGIN)).toBe(true);
  const added = requests.filter((r) => r.method === 'POST' && r.url.endsWith('/api/v1/payment-methods'));
  expect(added).toHaveLength(1);
  expect(Object.keys(JSON.parse(added[0].body)).sort()).toEqual(['address', 'card_token', 'expiry', 'name_on_card']);
  expect(JSON.parse(added[0].body).card_token).toMatch(/^tok_[0-9a-f]{64}$/);
  // Opening the pane again starts empty.
  await page.getByRole('link', { name: 'Add a payment method' }).click();
  const again = page.getByRole('dialog', { name: 'Add a payment method' });
  await expect(hostedField(again, 'Card number')).toHaveValue('');
  await expect(hostedField(again, 'Security code')).toHaveValue('');
});

test('an added card whose answer is lost is added once when tried again', async ({ page, request, card }) => {
  await signIn(page, '/billing/payment-methods/add');
  const pane = page.getByRole('dialog', { name: 'Add a payment method' });
  await card.type(pane, 'Card number', '5555 5555 5555 4444');
  await pane.getByRole('combobox', { name: 'Month' }).selectOption('6');
  await pane.getByRole('combobox', { name: 'Year' }).selectOption(String(new Date().getFullYear() + 2));
  await card.type(pane, 'Security code', '321');
  await pane.getByRole('textbox', { name: 'Name on card' }).fill('Åsa Öström');
  await pane.getByRole('combobox', { name: 'Country or region' }).selectOption({ label: 'Germany' });
  await pane.getByRole('textbox', { name: 'Street address' }).fill('Unter den Linden 1');
  await pane.getByRole('textbox', { name: 'City' }).fill('Berlin');
  await pane.getByRole('textbox', { name: 'Postal code' }).fill('10117');
  const sent: { key: string; token: string }[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/v1/payment-methods')) {
      sent.push({ key: r.headers()['idempotency-key'], token: JSON.parse(r.postData() ?? '{}').card_token });
    }
  });
  await armFault(request, { method: 'POST', path: '/api/v1/payment-methods', after: true });
  await pane.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(pane.getByRole('alert')).toContainText("won't be made or charged twice");
  await expect(hostedField(pane, 'Card number')).toHaveValue('5555 5555 5555 4444');
  await pane.getByRole('button', { name: 'Try again' }).click();
  await expect(pane).toBeHidden();
  // The same key and the same (already spent) token: the backend answers the first attempt's result.
  expect(sent).toHaveLength(2);
  expect(sent[1]).toEqual(sent[0]);
  const cards: PaymentMethod[] = await (await page.request.get('/api/v1/payment-methods')).json();
  expect(cards.filter((c) => c.last4 === '4444')).toHaveLength(1);
  await expect(page.getByRole('link', { name: 'Mastercard ending in 4444' })).toHaveCount(1);
});

test('a token spent by an attempt that failed afterwards: a fresh one is made, the card is added once', async ({ page, request, card }) => {
  await signIn(page, '/billing/payment-methods/add');
  const pane = page.getByRole('dialog', { name: 'Add a payment method' });
  await card.type(pane, 'Card number', '3782 822463 10005');
  await card.type(pane, 'Security code', '2973');
  await pane.getByRole('combobox', { name: 'Month' }).selectOption('9');
  await pane.getByRole('combobox', { name: 'Year' }).selectOption(String(new Date().getFullYear() + 4));
  await pane.getByRole('textbox', { name: 'Name on card' }).fill('Åsa Öström');
  await pane.getByRole('combobox', { name: 'Country or region' }).selectOption({ label: 'Sweden' });
  await pane.getByRole('textbox', { name: 'Street address' }).fill('Drottninggatan 1');
  await pane.getByRole('textbox', { name: 'City' }).fill('Stockholm');
  await pane.getByRole('textbox', { name: 'Postal code' }).fill('111 51');
  const tokens: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/v1/payment-methods')) tokens.push(JSON.parse(r.postData() ?? '{}').card_token);
  });
  // Another tab's request spends the token the fields hand out first: tokenize through the field, then redeem it.
  await pane.getByRole('button', { name: 'Add', exact: true }).focus();
  await armFault(request, { method: 'POST', path: '/api/v1/payment-methods', status: 500 });
  await pane.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(pane.getByRole('alert')).toContainText('Something went wrong on our side');
  const me = await (await page.request.get('/api/v1/me')).json();
  const spend = await page.request.post('/api/v1/payment-methods', {
    headers: { 'x-csrf-token': me.csrf_token, 'idempotency-key': 'another-tab' },
    data: { card_token: tokens[0], expiry: { year: 2031, month: 1 }, name_on_card: 'Elsewhere', address: { line1: 'a', city: 'b', postal_code: '111 51', country: 'SE' } },
  });
  expect(spend.status()).toBe(201);
  await pane.getByRole('button', { name: 'Try again' }).click();
  await expect(pane).toBeHidden();
  // The retry's token was spent: the app made a fresh one for the same typed card and sent it under the same key.
  expect(tokens).toHaveLength(3);
  expect(tokens[1]).toBe(tokens[0]);
  expect(tokens[2]).not.toBe(tokens[0]);
  expect(card.tokenizeRequests()).toHaveLength(2);
  const cards: PaymentMethod[] = await (await page.request.get('/api/v1/payment-methods')).json();
  expect(cards.filter((c) => c.last4 === '0005' && c.expiry.month === 9)).toHaveLength(1);
});

test("replace a billing profile's payment method with another card", async ({ page }) => {
  await signIn(page, '/billing/profiles');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Contoso AB – Stockholm' }).click();
  const method = page.getByRole('region', { name: 'Payment method' });
  await expect(method).toContainText('Visa ending in 4242');
  await expect(page.getByRole('region', { name: 'Bill-to address' })).toContainText('Sweden');
  await expectAccessible(page);
  await method.getByRole('link', { name: 'Replace' }).click();
  const pane = page.getByRole('dialog', { name: 'Replace payment method' });
  await expect(pane.getByText("It's paid with Visa ending in 4242 now.")).toBeVisible();
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane.getByText('Choose a card, or add a new one.')).toBeVisible();
  await pane.getByRole('radio', { name: /American Express ending in 0005/ }).check();
  await expectAccessible(page);
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Contoso AB – Stockholm is now paid with American Express ending in 0005.' })).toBeVisible();
  await expect(method).toContainText('American Express ending in 0005');
  const profile = await (await page.request.get('/api/v1/billing-profiles/bp-stockholm')).json();
  expect(profile.payment_method.id).toBe('pm-amex');
});

test('replace with a new card adds it and pays the profile with it', async ({ page, card }) => {
  await signIn(page, '/billing/profiles/bp-berlin/replace-payment-method');
  const pane = page.getByRole('dialog', { name: 'Replace payment method' });
  await pane.getByRole('radio', { name: 'A new card' }).check();
  await card.type(pane, 'Card number', '5555555555554444');
  await pane.getByRole('combobox', { name: 'Month' }).selectOption('12');
  await pane.getByRole('combobox', { name: 'Year' }).selectOption(String(new Date().getFullYear() + 4));
  await card.type(pane, 'Security code', '777');
  await pane.getByRole('textbox', { name: 'Name on card' }).fill('Åsa Öström');
  // The bill-to address is filled in already.
  await expect(pane.getByRole('combobox', { name: 'Country or region' })).toHaveValue('DE');
  await expectAccessible(page);
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane).toBeHidden();
  await expect(page.getByRole('region', { name: 'Payment method' })).toContainText('Mastercard ending in 4444');
});

test('Replace: after a failed save, another new card typed into fields shown again is the one added', async ({ page, request, card }) => {
  await signIn(page, '/billing/profiles/bp-berlin/replace-payment-method');
  const pane = page.getByRole('dialog', { name: 'Replace payment method' });
  const newCard = pane.getByRole('radio', { name: 'A new card' });
  await newCard.check();
  await card.type(pane, 'Card number', '4111 1111 1111 1111');
  await card.type(pane, 'Security code', '919');
  await pane.getByRole('combobox', { name: 'Month' }).selectOption('7');
  await pane.getByRole('combobox', { name: 'Year' }).selectOption(String(new Date().getFullYear() + 3));
  await pane.getByRole('textbox', { name: 'Name on card' }).fill('Åsa Öström');
  await armFault(request, { method: 'POST', path: '/api/v1/payment-methods', status: 500 });
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane.getByRole('alert')).toContainText('Something went wrong on our side');
  // Another choice, then a new card again: the fields load anew, and the same number of keystrokes types
  // another card.
  await pane.getByRole('radio', { name: /American Express ending in 0005/ }).check();
  await newCard.check();
  await card.type(pane, 'Card number', '5555 5555 5555 4444');
  await card.type(pane, 'Security code', '818');
  await pane.getByRole('combobox', { name: 'Month' }).selectOption('7');
  await pane.getByRole('combobox', { name: 'Year' }).selectOption(String(new Date().getFullYear() + 3));
  await pane.getByRole('textbox', { name: 'Name on card' }).fill('Åsa Öström');
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane).toBeHidden();
  await expect(page.getByRole('region', { name: 'Payment method' })).toContainText('Mastercard ending in 4444');
  const cards: PaymentMethod[] = await (await page.request.get('/api/v1/payment-methods')).json();
  expect(cards.filter((c) => c.last4 === '1111')).toHaveLength(0);
});

test('Escape in a field of the new card closes Replace, and the pane opens again', async ({ page, card }) => {
  // Leaving a field as its pane goes away once threw in the page (the card fixture fails on any such error).
  await signIn(page, '/billing/profiles/bp-stockholm/replace-payment-method');
  const pane = page.getByRole('dialog', { name: 'Replace payment method' });
  await pane.getByRole('radio', { name: 'A new card' }).check();
  await card.type(pane, 'Card number', '5555555555554444');
  await pane.getByRole('textbox', { name: 'Name on card' }).focus();
  await page.keyboard.press('Escape');
  await expect(pane).toBeHidden();
  await page.getByRole('region', { name: 'Payment method' }).getByRole('link', { name: 'Replace' }).click();
  await expect(page.getByRole('dialog', { name: 'Replace payment method' }).getByRole('radio', { name: 'A new card' })).not.toBeChecked();
});

test("the profile's Edit changes its card's details", async ({ page }) => {
  await signIn(page, '/billing/profiles/bp-stockholm');
  await page.getByRole('region', { name: 'Payment method' }).getByRole('link', { name: 'Edit' }).click();
  const pane = page.getByRole('dialog', { name: 'Edit payment method' });
  const name = pane.getByRole('textbox', { name: 'Name on card' });
  await expect(name).toHaveValue('Åsa Öström');
  await expectAccessible(page);
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane.getByRole('status').filter({ hasText: "Nothing has changed, so there's nothing to save." })).toBeVisible();
  await name.fill('');
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(name).toHaveAccessibleDescription("Enter the name as it's written on the card.");
  await expect(name).toBeFocused();
  await name.fill('Åsa M. Öström');
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane).toBeHidden();
  await expect(page.getByRole('region', { name: 'Payment method' })).toContainText('Åsa M. Öström');
});

test('in Swedish: Fakturor, Senaste 6 månaderna, Betalningsmetoder, Lägg till en betalningsmetod, Ersätt, Spara', async ({ page }) => {
  await signIn(page, '/billing/invoices');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
  await expect(page.getByRole('heading', { name: 'Fakturor', level: 2 })).toBeVisible();
  const range = page.getByRole('combobox', { name: 'Datumintervall' });
  await expect(range.getByRole('option', { name: 'Senaste 3 månaderna' })).toHaveCount(1);
  await range.selectOption({ label: 'Senaste 6 månaderna' });
  await range.selectOption({ label: 'Ange ett datumintervall' });
  await expect(page.getByRole('textbox', { name: 'Från' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Betalningsmetoder' }).first().click();
  await page.getByRole('link', { name: 'Lägg till en betalningsmetod' }).click();
  const add = page.getByRole('dialog', { name: 'Lägg till en betalningsmetod' });
  await expect(add.getByRole('button', { name: 'Lägg till', exact: true })).toBeDisabled();
  await add.getByRole('button', { name: 'Lägg till', exact: true }).click({ force: true });
  await expect(hostedField(add, 'Kortnummer')).toHaveAccessibleDescription(/Ange kortnumret\.$/);
  await expect(add.getByText('Ange säkerhetskoden.')).toBeVisible();
  await expectAccessible(page);
  await add.getByRole('button', { name: 'Stäng fönstret' }).first().click();
  await page.getByRole('link', { name: 'Faktureringsprofiler' }).first().click();
  await page.getByRole('link', { name: 'Contoso AB – Stockholm' }).click();
  await page.getByRole('link', { name: 'Ersätt' }).click();
  const replace = page.getByRole('dialog', { name: 'Ersätt betalningsmetod' });
  await replace.getByRole('radio', { name: /American Express som slutar på 0005/ }).check();
  await replace.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'betalas nu med American Express som slutar på 0005' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
});

test('a card changed elsewhere meanwhile: the other change is kept, and saving again applies only this one', async ({ page }) => {
  await signIn(page, '/billing/payment-methods/pm-amex/edit');
  const pane = page.getByRole('dialog', { name: 'American Express ending in 0005' });
  await pane.getByRole('textbox', { name: 'Name on card' }).fill('Åsa Maria Öström');
  // Meanwhile, in another tab, the city changes.
  const me = await (await page.request.get('/api/v1/me')).json();
  const other = await page.request.patch('/api/v1/payment-methods/pm-amex', {
    headers: { 'x-csrf-token': me.csrf_token, 'if-match': '"1"' },
    data: { address: { line1: 'Drottninggatan 92', city: 'Uppsala', postal_code: '753 20', country: 'SE' } },
  });
  expect(other.status()).toBe(200);
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane.getByRole('alert')).toContainText('Someone else changed this meanwhile.');
  await expect(pane.getByRole('textbox', { name: 'City' })).toHaveValue('Uppsala');
  await expect(pane.getByRole('textbox', { name: 'Name on card' })).toHaveValue('Åsa Maria Öström');
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane).toBeHidden();
  const card = await (await page.request.get('/api/v1/payment-methods/pm-amex')).json();
  expect([card.name_on_card, card.address.city]).toEqual(['Åsa Maria Öström', 'Uppsala']);
});

test('a lost answer, then a changed form and Try again: the card is added once, and the pane says so', async ({ page, request, card }) => {
  await signIn(page, '/billing/payment-methods/add');
  const pane = page.getByRole('dialog', { name: 'Add a payment method' });
  await card.type(pane, 'Card number', '4111 1111 1111 1111');
  await pane.getByRole('combobox', { name: 'Month' }).selectOption('3');
  await pane.getByRole('combobox', { name: 'Year' }).selectOption(String(new Date().getFullYear() + 2));
  await card.type(pane, 'Security code', '123');
  await pane.getByRole('textbox', { name: 'Name on card' }).fill('Åsa Öström');
  await pane.getByRole('combobox', { name: 'Country or region' }).selectOption({ label: 'Sweden' });
  await pane.getByRole('textbox', { name: 'Street address' }).fill('Drottninggatan 1');
  await pane.getByRole('textbox', { name: 'City' }).fill('Stockholm');
  await pane.getByRole('textbox', { name: 'Postal code' }).fill('111 51');
  await armFault(request, { method: 'POST', path: '/api/v1/payment-methods', after: true });
  await pane.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(pane.getByRole('alert')).toContainText("won't be made or charged twice");
  await pane.getByRole('textbox', { name: 'Name on card' }).fill('Åsa M. Öström');
  await pane.getByRole('button', { name: 'Try again' }).click();
  await expect(pane.getByRole('alert')).toContainText('Your earlier try did reach us');
  const cards: PaymentMethod[] = await (await page.request.get('/api/v1/payment-methods')).json();
  expect(cards.filter((c) => c.last4 === '1111')).toHaveLength(1);
  await pane.getByRole('button', { name: 'Close pane' }).click();
  await expect(page.getByRole('link', { name: 'Visa ending in 1111' })).toHaveCount(1);
});

test('closing the pane while a card is being added: it is added, listed, and the app keeps working', async ({ page, request, card }) => {
  await signIn(page, '/billing/payment-methods');
  await page.getByRole('link', { name: 'Add a payment method' }).click();
  const pane = page.getByRole('dialog', { name: 'Add a payment method' });
  await card.type(pane, 'Card number', '5555 5555 5555 4444');
  await pane.getByRole('combobox', { name: 'Month' }).selectOption('8');
  await pane.getByRole('combobox', { name: 'Year' }).selectOption(String(new Date().getFullYear() + 1));
  await card.type(pane, 'Security code', '123');
  await pane.getByRole('textbox', { name: 'Name on card' }).fill('Åsa Öström');
  await pane.getByRole('combobox', { name: 'Country or region' }).selectOption({ label: 'Ireland' });
  await expect(pane.getByRole('textbox', { name: 'Postal code (optional)' })).toBeVisible();
  await pane.getByRole('textbox', { name: 'Street address' }).fill('1 Grafton St');
  await pane.getByRole('textbox', { name: 'City' }).fill('Dublin');
  await armFault(request, { method: 'POST', path: '/api/v1/payment-methods', delay_ms: 1500 });
  const adding = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/payment-methods'));
  await pane.getByRole('button', { name: 'Add', exact: true }).click();
  await adding;
  await page.keyboard.press('Escape');
  await expect(pane).toBeHidden();
  await expect(page.getByRole('link', { name: 'Mastercard ending in 4444' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Mastercard ending in 4444 is added.' })).toBeVisible();
  await page.getByRole('link', { name: 'Mastercard ending in 4444' }).click();
  await expect(page.getByRole('dialog', { name: 'Mastercard ending in 4444' })).toContainText('Ireland');
});

test('Back after closing a pane leaves the page, instead of landing on it again', async ({ page }) => {
  await signIn(page, '/billing/invoices');
  await page.getByRole('link', { name: 'Payment methods' }).first().click();
  await page.getByRole('link', { name: 'Visa ending in 4242' }).click();
  const pane = page.getByRole('dialog', { name: 'Visa ending in 4242' });
  await pane.getByRole('button', { name: 'Edit' }).click();
  await expect(pane.getByRole('combobox', { name: 'Month' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(pane).toBeHidden();
  await expect(page).toHaveURL(/\/billing\/payment-methods$/);
  await expect(page.getByRole('link', { name: 'Visa ending in 4242' })).toBeFocused();
  await page.goBack();
  await expect(page).toHaveURL(/\/billing\/invoices$/);
});

test('a card that pays for no billing profile can be removed after a confirmation; a paying one says why not', async ({ page, request }) => {
  await signIn(page, '/billing/payment-methods');
  const methods: (PaymentMethod & { used_by: string[] })[] = await (await page.request.get('/api/v1/payment-methods')).json();
  const brands: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express' };
  const name = (m: PaymentMethod) => `${brands[m.brand]} ending in ${m.last4}`;
  const spare = methods.find((m) => m.used_by.length === 0)!;
  const paying = methods.find((m) => m.used_by.length > 0)!;

  await page.getByRole('link', { name: name(paying) }).click();
  const payingPane = page.getByRole('dialog', { name: name(paying) });
  await expect(payingPane.getByText(/This card pays for (a billing profile|\d+ billing profiles), so it can’t be removed\./)).toBeVisible();
  await expect(payingPane.getByRole('button', { name: 'Remove card' })).toHaveCount(0);
  await expect(payingPane.getByRole('link', { name: 'Go to billing profiles' })).toBeVisible();
  await expectAccessible(page);
  await payingPane.getByRole('button', { name: 'Close' }).first().click();

  await page.getByRole('link', { name: name(spare) }).click();
  const pane = page.getByRole('dialog', { name: name(spare) });
  await pane.getByRole('button', { name: 'Remove card' }).click();
  const question = pane.getByText(`Remove ${name(spare)}? You can add it again later.`);
  await expect(question).toBeFocused();
  await expectAccessible(page);
  await pane.getByRole('button', { name: 'Keep card' }).click();
  await expect(pane.getByRole('button', { name: 'Remove card' })).toBeFocused();
  expect((await page.request.get(`/api/v1/payment-methods/${spare.id}`)).status()).toBe(200);

  // A failed removal says so in place and offers a retry, which removes it.
  await armFault(request, { method: 'DELETE', path: `/api/v1/payment-methods/${spare.id}`, status: 500 });
  await pane.getByRole('button', { name: 'Remove card' }).click();
  await pane.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(pane.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(question).toBeVisible();
  await expectAccessible(page);
  await pane.getByRole('button', { name: 'Try again' }).click();
  await expect(pane).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `${name(spare)} is removed.` })).toBeVisible();
  await expect(page.getByRole('link', { name: name(spare) })).toHaveCount(0);
  await expect(page.getByRole('link', { name: name(paying) })).toBeVisible();
  expect((await page.request.get(`/api/v1/payment-methods/${spare.id}`)).status()).toBe(404);
  await expectAccessible(page);
});

test('the country list has every country, named and sorted in the page’s language; an address reads in its country’s order', async ({ page }) => {
  await signIn(page, '/billing/payment-methods');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
  await page.getByRole('link', { name: 'Lägg till en betalningsmetod' }).click();
  const pane = page.getByRole('dialog', { name: 'Lägg till en betalningsmetod' });
  const country = pane.getByRole('combobox', { name: 'Land eller region' });
  const options = (await country.locator('option').allTextContents()).slice(1);
  expect(options).toHaveLength(249);
  expect(options).toContain('Sverige');
  expect(options).toContain('Tyskland');
  expect(options).toEqual([...options].sort(new Intl.Collator('sv').compare));
  // Swedish order: Österrike after Zimbabwe.
  expect(options.indexOf('Österrike')).toBeGreaterThan(options.indexOf('Zimbabwe'));
  await country.selectOption({ label: 'Brasilien' });
  await expect(country).toHaveValue('BR');
  await expectAccessible(page);
  await pane.getByRole('button', { name: 'Stäng fönstret' }).first().click();

  // A stored card's address: postal code before the city, as Sweden writes it; the country by its Swedish name.
  await page.getByRole('link', { name: /^Visa som slutar på 4242/ }).click();
  const card = page.getByRole('dialog', { name: /^Visa som slutar på 4242/ });
  await expect(card.locator('address')).toContainText(/\d{3} ?\d{2} Stockholm/);
  await expect(card.locator('address')).toContainText('Sverige');
});
