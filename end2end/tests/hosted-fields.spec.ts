import { type Page, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { test, expect } from './card-guard';
import { signIn, expectAccessible, hostedField, resetData, PAYMENTS_ORIGIN } from './helpers';

// The card number and security code are typed into the payments origin's hosted fields (README, "Card data"):
// their events drive the app's messages in every language, the keyboard moves through them in reading order, and
// neither side listens to a third origin.

test.beforeEach(async ({ request }) => resetData(request));

type Texts = Record<string, Record<string, string>>;
const texts = (locale: string): Texts =>
  JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'locales', `${locale}.json`), 'utf8'));

async function openAdd(page: Page, locale = 'en'): Promise<Locator> {
  await page.addInitScript((chosen) => {
    if (window === window.top) localStorage.setItem('portal.locale', chosen);
  }, locale);
  await signIn(page, '/billing/payment-methods/add');
  return page.getByRole('dialog', { name: texts(locale).cards.add });
}

for (const locale of ['en', 'sv', 'de', 'zh-Hans']) {
  test(`in ${locale}: the fields' events drive the app's messages; Add stays unavailable until every field is complete`, async ({ page, card }) => {
    const t = texts(locale).card_form;
    const pane = await openAdd(page, locale);
    const add = pane.getByRole('button', { name: t.add, exact: true });
    await expect(add).toBeDisabled();
    const number = await card.type(pane, t.number_label, '4111 1111 1111 1112');
    // The frame's page speaks the app's language.
    await expect(pane.getByTitle(t.number_label, { exact: true }).contentFrame().locator('html')).toHaveAttribute('lang', locale);
    await number.blur();
    await expect(pane.getByText(t.number_invalid, { exact: true })).toBeVisible();
    await expect(number).toHaveAccessibleDescription(`${t.number_hint} ${t.number_invalid}`);
    await card.type(pane, t.number_label, '4111 1111 1111 11');
    await expect(pane.getByText(t.number_invalid, { exact: true })).toBeVisible();
    await card.type(pane, t.number_label, '6011 1111 1111 1117');
    await expect(pane.getByText(t.number_unsupported, { exact: true })).toBeVisible();
    await card.type(pane, t.number_label, '');
    await expect(pane.getByText(t.number_required, { exact: true })).toBeVisible();
    await card.type(pane, t.number_label, '3782 822463 10005');
    const code = await card.type(pane, t.code_label, '919');
    await code.blur();
    await expect(pane.getByText(t.code_invalid_amex, { exact: true })).toBeVisible();
    await expect(code).toHaveAccessibleDescription(`${t.code_hint_amex} ${t.code_invalid_amex}`);
    await card.type(pane, t.code_label, '9190');
    await expect(pane.getByText(t.code_invalid_amex, { exact: true })).toHaveCount(0);
    await expect(add).toBeDisabled();
    await pane.getByRole('combobox', { name: t.month_label, exact: true }).selectOption('5');
    await pane.getByRole('combobox', { name: t.year_label, exact: true }).selectOption(String(new Date().getFullYear() + 2));
    await pane.getByRole('textbox', { name: t.name_label, exact: true }).fill('Åsa Öström');
    await pane.getByRole('combobox', { name: t.country_label, exact: true }).selectOption('SE');
    await pane.getByRole('textbox', { name: t.line1_label, exact: true }).fill('Drottninggatan 1');
    await pane.getByRole('textbox', { name: t.city_label, exact: true }).fill('Stockholm');
    await pane.getByRole('textbox', { name: t.postal_code_label, exact: true }).fill('111 51');
    await expect(add).toBeEnabled();
    // A wrong number makes it unavailable again.
    await card.type(pane, t.number_label, '3782 822463 10006');
    await expect(add).toBeDisabled();
    await expectAccessible(page);
  });
}

test('keyboard: Tab goes from the app\'s fields into the hosted fields and out in reading order; Enter and Escape work in them', async ({ page, card }) => {
  const pane = await openAdd(page);
  const number = hostedField(pane, 'Card number');
  const code = hostedField(pane, 'Security code');
  const month = pane.getByRole('combobox', { name: 'Month' });
  const focusedFrame = () => page.evaluate(() => document.activeElement?.getAttribute('title') ?? document.activeElement?.tagName);
  await expect(number).toBeEditable();
  await month.focus();
  await page.keyboard.press('Shift+Tab');
  await expect(number).toBeFocused();
  expect(await focusedFrame()).toBe('Card number');
  card.remember('4111111111111111');
  await page.keyboard.type('4111111111111111');
  await page.keyboard.press('Tab');
  await expect(month).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(pane.getByRole('combobox', { name: 'Year' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(code).toBeFocused();
  expect(await focusedFrame()).toBe('Security code');
  await page.keyboard.press('Tab');
  await expect(pane.getByRole('textbox', { name: 'Name on card' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(code).toBeFocused();
  // Names, descriptions and titles are right inside the frames.
  await expect(code).toHaveAccessibleDescription('The 3 digits on the back of the card. Enter the security code.');
  const codePage = pane.getByTitle('Security code', { exact: true }).contentFrame().locator('html');
  expect(await codePage.evaluate(() => document.title)).toBe('Security code');
  await expect(number).toHaveAttribute('autocomplete', 'cc-number');
  await expect(code).toHaveAttribute('aria-required', 'true');
  // Enter in a field submits the form: what is missing is said, and focus goes to the first field that needs it.
  await page.keyboard.press('Enter');
  await expect(pane.getByText('Enter the security code.')).toBeVisible();
  await expect(pane.getByText('Choose the expiration month and year.')).toBeVisible();
  await expect(month).toBeFocused();
  // Escape in a field closes the pane, as it does anywhere in it.
  await code.focus();
  await page.keyboard.press('Escape');
  await expect(pane).toBeHidden();
  await expect(page).toHaveURL(/\/billing\/payment-methods$/);
});

test('when the payments origin cannot be reached, the form says so and loads the fields again on Try again', async ({ page, card }) => {
  await page.route(`${PAYMENTS_ORIGIN}/**`, (route) => route.abort('connectionrefused'));
  const pane = await openAdd(page);
  // Said once for both fields, whose failed frames are hidden.
  const alert = pane.getByRole('alert').filter({ hasText: "The secure card fields couldn't be loaded." });
  await expect(alert).toHaveCount(1);
  await expect(pane.getByTitle('Card number', { exact: true })).toBeHidden();
  await expect(pane.getByRole('button', { name: 'Add', exact: true })).toBeDisabled();
  await expectAccessible(page);
  await page.unroute(`${PAYMENTS_ORIGIN}/**`);
  await alert.getByRole('button', { name: 'Try again' }).click();
  const number = await card.type(pane, 'Card number', '4111 1111 1111 1111');
  await expect(number).toHaveValue('4111 1111 1111 1111');
  await card.type(pane, 'Security code', '919');
  await expect(alert).toHaveCount(0);
});

test('axe checks the hosted fields\' content too, and it is clean', async ({ page }) => {
  await openAdd(page);
  await expect(hostedField(page, 'Security code')).toBeEditable();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const inFrames = results.passes.flatMap((rule) => rule.nodes).filter((node) => node.target.length > 1);
  expect(inFrames.map((node) => node.target[0])).toContain('iframe[title="Card number"]');
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('dark and 320 px wide: the fields fit, and look and focus like the app\'s fields', async ({ page, card }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  const pane = await openAdd(page);
  const number = await card.type(pane, 'Card number', '5555 5555 5555 4444');
  const name = pane.getByRole('textbox', { name: 'Name on card' });
  const look = (field: Locator) =>
    field.evaluate((e) => {
      const style = getComputedStyle(e);
      return { background: style.backgroundColor, color: style.color, border: style.borderTopColor, radius: style.borderTopLeftRadius };
    });
  expect(await look(number)).toEqual(await look(name));
  expect((await look(number)).background).toBe('rgb(22, 24, 28)');
  await name.focus();
  const ring = (field: Locator) => field.evaluate((e) => `${getComputedStyle(e).outlineStyle} ${getComputedStyle(e).outlineWidth} ${getComputedStyle(e).outlineColor}`);
  const appRing = await ring(name);
  await number.focus();
  expect(await ring(number)).toBe(appRing);
  // Nothing in the frame is cut off or scrolls: the frame is as tall and no wider than its content.
  const frame = pane.getByTitle('Card number', { exact: true }).contentFrame();
  const fits = () =>
    frame.locator('body').evaluate((body) => ({
      sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      cut: Math.ceil(body.getBoundingClientRect().height) > window.innerHeight,
    }));
  await expect.poll(fits).toEqual({ sideways: false, cut: false });
  // Text twice as large (as at 200 % zoom, or a larger text size): the frame grows with its content.
  const before = await pane.getByTitle('Card number', { exact: true }).evaluate((e) => e.getBoundingClientRect().height);
  await frame.locator('html').evaluate((html) => (html.style.fontSize = '32px'));
  await expect.poll(async () => pane.getByTitle('Card number', { exact: true }).evaluate((e) => e.getBoundingClientRect().height)).toBeGreaterThan(before * 1.6);
  await expect.poll(fits).toEqual({ sideways: false, cut: false });
  await expectAccessible(page);
});

// A page on a third origin, placed among the app's frames as a compromised neighbour would be. The app's policy
// lets only the payments origin frame into it, so these tests turn the policy off (bypassCSP) to put it there.
const THIRD_PORT = Number(process.env.E2E_PORT ?? 4173) + 4;
const THIRD_ORIGIN = `http://127.0.0.1:${THIRD_PORT}`;
const THIRD_PAGE = `<!DOCTYPE html><html lang="en"><title>Third origin</title><script>
window.received = [];
addEventListener('message', (event) => window.received.push(event.data));
window.attack = () => {
  const protocol = 'hosted-fields/1';
  // To the app, as if it were the hosted fields.
  for (const message of [
    { type: 'ready', field: 'number', height: 400 },
    { type: 'change', field: 'number', state: 'complete', brand: 'amex' },
    { type: 'tokenized', id: 1, token: 'tok_third_origin', brand: 'visa', last4: '4242' },
    { type: 'submit', field: 'number' },
    { type: 'escape', field: 'number' },
  ]) parent.postMessage(JSON.stringify({ protocol, ...message }), '*');
  // To the hosted fields, as if it were the app.
  for (let i = 0; i < parent.frames.length; i++) {
    if (parent.frames[i] === window) continue;
    parent.frames[i].postMessage(JSON.stringify({ protocol, type: 'update', label: 'Third origin' }), '*');
    parent.frames[i].postMessage(JSON.stringify({ protocol, type: 'tokenize', id: 7 }), '*');
    window.commanded = (window.commanded ?? 0) + 1;
  }
};
</script></html>`;

let third: http.Server;
test.beforeAll(async () => {
  third = http.createServer((request, response) => {
    if (request.url?.startsWith('/frames-a-field')) {
      const field = `${PAYMENTS_ORIGIN}/v1/hosted-field?field=number&group=thirdorigin&parent=${encodeURIComponent(`http://127.0.0.1:${THIRD_PORT - 4}`)}`;
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(`<!DOCTYPE html><html lang="en"><title>Framing</title><iframe title="Field" src="${field}"></iframe></html>`);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(THIRD_PAGE);
  });
  await new Promise<void>((resolve) => third.listen(THIRD_PORT, '127.0.0.1', resolve));
});
test.afterAll(async () => new Promise<void>((resolve) => third.close(() => resolve())));

test.describe('a third origin', () => {
  test.use({ bypassCSP: true });

  test('its messages are ignored by the app and by the fields', async ({ page, card }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
    const pane = await openAdd(page);
    await card.type(pane, 'Card number', '4111 1111 1111 1111');
    const code = await card.type(pane, 'Security code', '919');
    await pane.getByRole('combobox', { name: 'Month' }).selectOption('5');
    await pane.getByRole('combobox', { name: 'Year' }).selectOption(String(new Date().getFullYear() + 2));
    await pane.getByRole('textbox', { name: 'Name on card' }).fill('Åsa Öström');
    await pane.getByRole('combobox', { name: 'Country or region' }).selectOption('SE');
    await pane.getByRole('textbox', { name: 'Street address' }).fill('Drottninggatan 1');
    await pane.getByRole('textbox', { name: 'City' }).fill('Stockholm');
    await pane.getByRole('textbox', { name: 'Postal code' }).fill('111 51');
    await expect(pane.getByRole('button', { name: 'Add', exact: true })).toBeEnabled();
    const numberFrame = pane.getByTitle('Card number', { exact: true });
    const height = await numberFrame.evaluate((e) => e.getBoundingClientRect().height);

    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.title = 'Third origin';
      document.body.append(frame);
    }, `${THIRD_ORIGIN}/`);
    await expect.poll(() => page.frame({ url: `${THIRD_ORIGIN}/` })?.evaluate(() => typeof (window as unknown as { attack?: unknown }).attack)).toBe('function');
    await page.frame({ url: `${THIRD_ORIGIN}/` })!.evaluate(() => (window as unknown as { attack(): void }).attack());
    // It reached both hosted fields (and the app).
    expect(await page.frame({ url: `${THIRD_ORIGIN}/` })!.evaluate(() => (window as unknown as { commanded: number }).commanded)).toBe(2);
    // A real event after the third origin's: once the app shows its effect, it has handled theirs too.
    await card.type(pane, 'Security code', '9191');
    await code.blur();
    await expect(pane.getByText('The security code is the 3 digits on the back of the card.')).toBeVisible();

    // The app: no fake submit, close, brand or height; nothing sent.
    await expect(pane).toBeVisible();
    await expect(pane.getByRole('status').filter({ hasText: 'Recognised as Visa.' })).toBeVisible();
    expect(await numberFrame.evaluate((e) => e.getBoundingClientRect().height)).toBe(height);
    expect(requests.filter((r) => r.includes('/api/v1/payment-methods') && r.startsWith('POST'))).toEqual([]);
    // The fields: no label from it, no token for it, no answer to it.
    await expect(hostedField(pane, 'Card number')).toBeVisible();
    expect(requests.filter((r) => r.endsWith('/v1/tokens'))).toEqual([]);
    expect(await page.frame({ url: `${THIRD_ORIGIN}/` })!.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([]);
  });
});

test('a third origin cannot frame the fields: the page refuses a parent it does not serve, and the policy a frame by another', async ({ page, request }) => {
  const refused = await request.get(`${PAYMENTS_ORIGIN}/v1/hosted-field?field=number&group=thirdorigin&parent=${encodeURIComponent(THIRD_ORIGIN)}`);
  expect(refused.status()).toBe(403);
  expect(await (await request.get('/dev/csp-reports')).json()).toEqual([]);
  await page.goto(`${THIRD_ORIGIN}/frames-a-field`);
  const field = page.frameLocator('iframe[title="Field"]').getByRole('textbox', { name: 'Card number' });
  // frame-ancestors blocks it: the browser reports the violation to the payments origin, and shows no field.
  await expect.poll(async () => ((await (await request.get('/dev/csp-reports')).json()) as string[]).join()).toContain('frame-ancestors');
  await expect(field).toHaveCount(0);
  expect((await request.delete('/dev/csp-reports')).status()).toBe(204);
});
