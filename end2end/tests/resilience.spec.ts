import { type Page, type Locator, type APIRequestContext } from '@playwright/test';
import { test, expect, type CardGuard } from './card-guard';
import { signIn, armFault, clearFaults, resetData, ordersOf, subscriptionOf, proratedNow } from './helpers';

// Faults in the middle of every state-changing flow (project `resilience`): each time the person is told what
// happened, what they typed stays, trying again works, and the backend records the change exactly once.

test.beforeEach(async ({ request }) => resetData(request));
test.afterEach(async ({ page, request }) => {
  await page.context().setOffline(false);
  await resetData(request);
});

const UNKNOWN_OUTCOME = /if it was already made, it won't be made or charged twice/;

/** What goes wrong while the change is on its way, and what the person is told. */
interface Trouble {
  name: string;
  /** A backend fault (`POST /dev/faults`); without one, `signOut` or the browser going offline. */
  fault?: Record<string, unknown>;
  /** The session really ends: another tab signs out; the person signs in again through the offered link. */
  signOut?: true;
  says: RegExp;
}

const SIGNED_OUT = /Your session ended, so nothing was changed\..*what you entered is kept/;

const troubles: Trouble[] = [
  { name: 'a server error (500)', fault: { status: 500 }, says: /Something went wrong on our side/ },
  // Chromium itself resends an idempotent PUT when the connection closes: the trouble lasts (count 20) until the
  // network is back (the faults are cleared before the person tries again).
  { name: 'a dropped connection', fault: { drop: true, count: 20 }, says: /We couldn't reach the service/ },
  { name: 'a lost answer (applied, then dropped)', fault: { drop: true, after: true, count: 20 }, says: UNKNOWN_OUTCOME },
  { name: 'a gateway timeout after the change was applied', fault: { after: true }, says: UNKNOWN_OUTCOME },
  { name: 'too many requests (429, Retry-After)', fault: { status: 429, retry_after: 1 }, says: /too many requests\. Wait a second, then try again/ },
  // Twice: after a 401 the app reads the session again and, still signed in, sends the change once more.
  { name: 'a signed-out session (401)', fault: { status: 401, count: 2 }, says: SIGNED_OUT },
  { name: 'a session ended in another tab, then signed in again', signOut: true, says: SIGNED_OUT },
  { name: 'the browser going offline', says: /We couldn't reach the service/ },
];

/** A filled-in form, ready to be sent. */
interface Attempt {
  /** Where the error is said. */
  form: Locator;
  /** The name of the button that sends the change. */
  submit: string;
  /** What the person entered is still there. */
  expectKept(): Promise<void>;
  /** After the retry: the form is gone and the backend shows the change exactly once. */
  expectDoneOnce(): Promise<void>;
}

/** One state-changing flow: the request it sends, and how to open and fill in its form. */
interface Flow {
  name: string;
  method: string;
  path: string;
  start(page: Page, request: APIRequestContext, card: CardGuard): Promise<Attempt>;
}

const PRO = 'sub-power-bi-pro';
/** The year `n` years from now, as the expiry lists show it. */
const yearsAhead = (n: number) => String(new Date().getFullYear() + n);

const flows: Flow[] = [
  {
    name: 'license total 100 → 106',
    method: 'PUT',
    path: '/api/v1/subscriptions/sub-business-basic/quantity',
    async start(page, request) {
      await signIn(page, '/products/sub-business-basic/buy');
      const form = page.getByRole('dialog', { name: 'Buy licenses' });
      const total = form.getByRole('textbox', { name: 'Total number of licenses' });
      const charge = await proratedNow(page, 'sub-business-basic', 6);
      await total.fill('106');
      await expect(form.getByText(`${charge.text()} charged now`)).toBeVisible();
      return {
        form,
        submit: 'Save',
        expectKept: () => expect(total).toHaveValue('106'),
        async expectDoneOnce() {
          await expect(form).toBeHidden();
          expect((await subscriptionOf(page, 'sub-business-basic')).total_licenses).toBe(106);
          const orders = await ordersOf(request, 'sub-business-basic');
          expect(orders.map((o) => [o.kind, o.from_total, o.to_total])).toEqual([['licenses_added', 100, 106]]);
        },
      };
    },
  },
  {
    name: 'assigning a license',
    method: 'POST',
    path: `/api/v1/subscriptions/${PRO}/assignments`,
    async start(page) {
      await signIn(page, `/licenses/${PRO}/assign`);
      const form = page.getByRole('dialog', { name: 'Assign licenses to users' });
      await form.getByRole('combobox', { name: 'Name or e-mail' }).fill('bjorn.angstrom@');
      await form.getByRole('option', { name: /Björn Ängström/ }).click();
      const chosen = form.getByRole('region', { name: /Chosen people/ }).getByRole('listitem');
      const before = (await subscriptionOf(page, PRO)).assigned_licenses;
      return {
        form,
        submit: 'Assign',
        expectKept: () => expect(chosen).toHaveText([/^Björn Ängström/]),
        async expectDoneOnce() {
          await expect(form.getByRole('heading', { name: /^Done: .+ now has a license\.$/ })).toBeVisible();
          expect((await subscriptionOf(page, PRO)).assigned_licenses).toBe(before + 1);
        },
      };
    },
  },
  {
    name: 'unassigning two people',
    method: 'POST',
    path: `/api/v1/subscriptions/${PRO}/assignments/remove`,
    async start(page) {
      await signIn(page, `/licenses/${PRO}`);
      const names = page.locator('table tbody th[scope="row"]');
      await expect(names).toHaveCount(10);
      const [first, third] = [(await names.nth(0).textContent())!, (await names.nth(2).textContent())!];
      await page.getByRole('checkbox', { name: `Select ${first}` }).check();
      await page.getByRole('checkbox', { name: `Select ${third}` }).check();
      const before = (await subscriptionOf(page, PRO)).assigned_licenses;
      await page.getByRole('button', { name: 'Remove licenses' }).click();
      const form = page.getByRole('alertdialog', { name: 'Unassign licenses?' });
      return {
        form,
        submit: 'Unassign',
        async expectKept() {
          await expect(form.getByRole('listitem')).toHaveText([first, third]);
          await expect(page.getByText('2 selected.')).toBeAttached();
        },
        async expectDoneOnce() {
          await expect(form).toBeHidden();
          await expect(page.getByRole('row', { name: new RegExp(first) })).toHaveCount(0);
          expect((await subscriptionOf(page, PRO)).assigned_licenses).toBe(before - 2);
        },
      };
    },
  },
  {
    name: 'cancelling with a reason and feedback',
    method: 'POST',
    path: `/api/v1/subscriptions/${PRO}/cancel`,
    async start(page, request) {
      await signIn(page, `/products/${PRO}/cancel`);
      const form = page.getByRole('dialog', { name: 'Cancel subscription' });
      const reason = form.getByRole('radio', { name: "It's too expensive" });
      await reason.check();
      const feedback = form.getByRole('textbox', { name: 'Feedback (optional)' });
      await feedback.fill('Vi byter leverantör');
      return {
        form,
        submit: 'Save',
        async expectKept() {
          await expect(reason).toBeChecked();
          await expect(feedback).toHaveValue('Vi byter leverantör');
        },
        async expectDoneOnce() {
          await expect(form).toBeHidden();
          expect((await subscriptionOf(page, PRO)).status).toBe('cancelled');
          const orders = await ordersOf(request, PRO);
          expect(orders.map((o) => [o.kind, o.feedback])).toEqual([['cancelled', 'Vi byter leverantör']]);
        },
      };
    },
  },
  {
    name: 'reactivating an expired subscription',
    method: 'POST',
    path: '/api/v1/subscriptions/sub-project-expired/reactivate',
    async start(page, request) {
      await signIn(page, '/products/sub-project-expired/reactivate');
      const form = page.getByRole('dialog', { name: 'Reactivate subscription' });
      await expect(form).toContainText('Reactivating starts a new yearly billing period today');
      return {
        form,
        submit: 'Reactivate',
        expectKept: () => expect(form).toContainText('Reactivating starts a new yearly billing period today'),
        async expectDoneOnce() {
          await expect(form).toBeHidden();
          await expect(page.getByRole('status').filter({ hasText: 'Project Plan 3 is active again.' })).toBeVisible();
          expect((await ordersOf(request, 'sub-project-expired')).map((o) => o.kind)).toEqual(['reactivated']);
        },
      };
    },
  },
  {
    name: 'adding a card',
    method: 'POST',
    path: '/api/v1/payment-methods',
    async start(page, _request, card) {
      await signIn(page, '/billing/payment-methods/add');
      const form = page.getByRole('dialog', { name: 'Add a payment method' });
      const street = form.getByRole('textbox', { name: 'Street address' });
      const number = await card.type(form, 'Card number', '5555 5555 5555 4444');
      await form.getByRole('combobox', { name: 'Month' }).selectOption('6');
      await form.getByRole('combobox', { name: 'Year' }).selectOption(yearsAhead(2));
      const code = await card.type(form, 'Security code', '321');
      await form.getByRole('textbox', { name: 'Name on card' }).fill('Åsa Öström');
      await form.getByRole('combobox', { name: 'Country or region' }).selectOption({ label: 'Germany' });
      await street.fill('Unter den Linden 1');
      await form.getByRole('textbox', { name: 'City' }).fill('Berlin');
      await form.getByRole('textbox', { name: 'Postal code' }).fill('10117');
      return {
        form,
        submit: 'Add',
        async expectKept() {
          // The hosted fields keep what was typed in them.
          await expect(number).toHaveValue('5555 5555 5555 4444');
          await expect(code).toHaveValue('321');
          await expect(street).toHaveValue('Unter den Linden 1');
        },
        async expectDoneOnce() {
          await expect(form).toBeHidden();
          const cards: { last4: string }[] = await (await page.request.get('/api/v1/payment-methods')).json();
          expect(cards.filter((c) => c.last4 === '4444')).toHaveLength(1);
          await expect(page.getByRole('link', { name: 'Mastercard ending in 4444' })).toHaveCount(1);
        },
      };
    },
  },
  {
    name: "editing a card's expiry and security code",
    method: 'PATCH',
    path: '/api/v1/payment-methods/pm-visa',
    async start(page, _request, card) {
      await signIn(page, '/billing/payment-methods/pm-visa/edit');
      const form = page.getByRole('dialog', { name: 'Visa ending in 4242' });
      const year = form.getByRole('combobox', { name: 'Year' });
      await form.getByRole('combobox', { name: 'Month' }).selectOption('4');
      await year.selectOption(yearsAhead(6));
      const code = await card.type(form, 'Security code', '987');
      const before = await (await page.request.get('/api/v1/payment-methods/pm-visa')).json();
      return {
        form,
        submit: 'Save',
        async expectKept() {
          await expect(year).toHaveValue(yearsAhead(6));
          await expect(code).toHaveValue('987');
        },
        async expectDoneOnce() {
          await expect(form).toBeHidden();
          await expect(page.getByRole('status').filter({ hasText: 'Visa ending in 4242 is updated.' })).toBeVisible();
          const after = await (await page.request.get('/api/v1/payment-methods/pm-visa')).json();
          expect(after.expiry).toEqual({ year: Number(yearsAhead(6)), month: 4 });
          // The etag counts the card's versions: one edit is one step, however many tries it took.
          expect(after.etag).toBe(`"${Number(JSON.parse(before.etag)) + 1}"`);
        },
      };
    },
  },
  {
    name: "replacing a billing profile's card with another",
    method: 'PUT',
    path: '/api/v1/billing-profiles/bp-stockholm/payment-method',
    async start(page) {
      await signIn(page, '/billing/profiles/bp-stockholm/replace-payment-method');
      const form = page.getByRole('dialog', { name: 'Replace payment method' });
      const amex = form.getByRole('radio', { name: /American Express ending in 0005/ });
      await amex.check();
      return {
        form,
        submit: 'Save',
        expectKept: () => expect(amex).toBeChecked(),
        async expectDoneOnce() {
          await expect(form).toBeHidden();
          const paidWith = 'Contoso AB – Stockholm is now paid with American Express ending in 0005.';
          await expect(page.getByRole('status').filter({ hasText: paidWith })).toBeVisible();
          const profile = await (await page.request.get('/api/v1/billing-profiles/bp-stockholm')).json();
          expect(profile.payment_method.id).toBe('pm-amex');
        },
      };
    },
  },
];

/** Another tab ends the session. */
async function endSession(page: Page) {
  const other = await page.context().newPage();
  await other.goto('/dev/sign-out?redirect=/dev/sign-in');
  await other.close();
}

/** Signs in again through the link `scope` offers, in a new tab: a new session, with a new CSRF token. */
async function signInAgain(page: Page, scope: Locator) {
  const [tab] = await Promise.all([
    page.context().waitForEvent('page'),
    scope.getByRole('link', { name: 'Sign in (opens a new tab)' }).click(),
  ]);
  await tab.getByRole('link', { name: 'Åsa Öström' }).click();
  await tab.waitForURL((url) => !url.pathname.startsWith('/dev/'));
  await tab.close();
}

for (const flow of flows) {
  for (const trouble of troubles) {
    test(`${flow.name} through ${trouble.name}: told, kept, retried, applied once`, async ({ page, request, card }) => {
      const attempt = await flow.start(page, request, card);
      if (trouble.fault) {
        await armFault(request, { method: flow.method, path: flow.path, ...trouble.fault });
      } else if (trouble.signOut) {
        await endSession(page);
      } else {
        await page.context().setOffline(true);
      }
      await attempt.form.getByRole('button', { name: attempt.submit, exact: true }).click();
      await expect(attempt.form.getByRole('alert').first()).toContainText(trouble.says);
      await attempt.expectKept();
      if (trouble.fault) {
        await clearFaults(request);
      } else if (trouble.signOut) {
        await signInAgain(page, attempt.form);
      } else {
        await page.context().setOffline(false);
      }
      await attempt.form.getByRole('button', { name: new RegExp(`^(Try again|${attempt.submit})$`) }).first().click();
      await attempt.expectDoneOnce();
    });
  }
}

test('a single 401 while the person is still signed in is recovered unseen: the change is made once', async ({ page, request, card }) => {
  const attempt = await flows[0].start(page, request, card);
  await armFault(request, { method: flows[0].method, path: flows[0].path, status: 401, count: 1 });
  const sent: string[] = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path === flows[0].path || path === '/api/v1/me') sent.push(`${response.request().method()} ${path} ${response.status()}`);
  });
  await attempt.form.getByRole('button', { name: attempt.submit, exact: true }).click();
  await attempt.expectDoneOnce();
  expect(sent).toEqual([`PUT ${flows[0].path} 401`, 'GET /api/v1/me 200', `PUT ${flows[0].path} 200`]);
});

test("another person's session never sends this person's change: the form says the session ended", async ({ page, request, card }) => {
  const attempt = await flows[0].start(page, request, card);
  const other = await page.context().newPage();
  await other.goto(`/dev/sign-in?user=${encodeURIComponent('jurgen.weiss@contoso.de')}&redirect=/dev/sign-in`);
  await other.close();
  await attempt.form.getByRole('button', { name: attempt.submit, exact: true }).click();
  await expect(attempt.form.getByRole('alert').first()).toContainText(SIGNED_OUT);
  await attempt.expectKept();
  expect(await ordersOf(request, 'sub-business-basic')).toEqual([]);
});

test('a price asked for after the session ended says so; after signing in again Try again prices the total kept', async ({ page, request }) => {
  await signIn(page, '/products/sub-business-basic/buy');
  const form = page.getByRole('dialog', { name: 'Buy licenses' });
  const total = form.getByRole('textbox', { name: 'Total number of licenses' });
  await expect(total).toHaveValue('100');
  await endSession(page);
  await total.fill('107');
  await expect(form.getByRole('alert')).toContainText(SIGNED_OUT);
  await signInAgain(page, form);
  await form.getByRole('button', { name: 'Try again' }).click();
  const charge = await proratedNow(page, 'sub-business-basic', 7);
  await expect(form.getByText(`${charge.text()} charged now`)).toBeVisible();
  await expect(total).toHaveValue('107');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(form).toBeHidden();
  expect((await ordersOf(request, 'sub-business-basic')).map((o) => [o.kind, o.from_total, o.to_total])).toEqual([['licenses_added', 100, 107]]);
});

test('a search after the session ended keeps the people chosen; after signing in again Try again finds more', async ({ page }) => {
  await signIn(page, `/licenses/${PRO}/assign`);
  const form = page.getByRole('dialog', { name: 'Assign licenses to users' });
  const search = form.getByRole('combobox', { name: 'Name or e-mail' });
  const chosen = form.getByRole('region', { name: /Chosen people/ }).getByRole('listitem');
  await search.fill('bjorn.angstrom@');
  await form.getByRole('option', { name: /Björn Ängström/ }).click();
  await expect(chosen).toHaveText([/^Björn Ängström/]);
  await endSession(page);
  await search.fill('marta');
  await expect(form.getByRole('alert')).toContainText(SIGNED_OUT);
  await expect(chosen).toHaveText([/^Björn Ängström/]);
  await signInAgain(page, form);
  await form.getByRole('button', { name: 'Try again' }).click();
  await form.getByRole('option').first().click();
  await expect(chosen).toHaveCount(2);
  await expect(chosen.first()).toHaveText(/^Björn Ängström/);
});
