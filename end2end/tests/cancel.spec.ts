import { test, expect } from './card-guard';
import { signIn, expectAccessible, resetData, ordersOf, subscriptionOf, proratedNow } from './helpers';

test.beforeEach(async ({ request }) => resetData(request));
test.afterEach(async ({ request }) => resetData(request));

test('cancel from the More actions menu with a reason and feedback; the status changes everywhere', async ({ page, request }) => {
  await signIn(page);
  // Cancelled within 7 days of the period's start: every license's price for the rest of the period comes back.
  const refund = await proratedNow(page, 'sub-power-bi-pro', -25);
  const row = page.getByRole('row', { name: /Power BI Pro/ });
  await row.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Cancel subscription' }).click();

  const pane = page.getByRole('dialog', { name: 'Cancel subscription' });
  await expect(pane).toBeVisible();
  const consequences = pane.getByRole('region', { name: 'What cancelling means' });
  await expect(consequences).toContainText(`You get a refund of ${refund.text()} for the rest of the billing period`);
  // Refunded, so access ends today (the backend's day) rather than at the end of the paid period.
  const terms = await (await page.request.get('/api/v1/subscriptions/sub-power-bi-pro/cancellation')).json();
  const today = new Date(`${terms.access_ends_on}T00:00:00Z`)
    .toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const unrefunded = await (await page.request.get("/api/v1/subscriptions/sub-business-basic/cancellation")).json();
  expect(unrefunded.access_ends_on).not.toBe(terms.access_ends_on);
  await expect(consequences).toContainText(`Access ends on ${today}.`);
  await expect(consequences).toContainText(/10 people lose their license on/);
  await expect(consequences).toContainText(/data is kept until/);
  await expectAccessible(page);

  // The reason is required.
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane.getByText('Choose a reason for cancelling.')).toBeVisible();
  const first = pane.getByRole('radio', { name: "It's too expensive" });
  await expect(first).toBeFocused();
  await expect(first).toHaveAccessibleDescription('Choose a reason for cancelling.');
  await expectAccessible(page);
  expect(await ordersOf(request, 'sub-power-bi-pro')).toHaveLength(0);

  await pane.getByRole('radio', { name: "It's too expensive" }).check();
  await expect(pane.getByText('Choose a reason for cancelling.')).toBeHidden();
  const feedback = pane.getByRole('textbox', { name: 'Feedback (optional)' });
  await feedback.fill('Vi byter leverantör');
  await expect(pane.getByText('19 of 1000 characters')).toBeVisible();
  await pane.getByRole('button', { name: 'Save' }).click();

  await expect(pane).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Power BI Pro is cancelled.' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Power BI Pro/ })).toContainText('Cancelled');
  await page.getByRole('link', { name: 'Power BI Pro' }).click();
  await expect(page.locator('.page-header .badge')).toHaveText('Cancelled');
  const orders = await ordersOf(request, 'sub-power-bi-pro');
  expect(orders).toHaveLength(1);
  expect(orders[0]).toMatchObject({ kind: 'cancelled', reason: 'too_expensive', feedback: 'Vi byter leverantör', amount: { amount: refund.amount } });
});

test('feedback over the limit is refused beside the field and nothing typed is lost', async ({ page }) => {
  await signIn(page, '/products/sub-business-basic/cancel');
  const pane = page.getByRole('dialog', { name: 'Cancel subscription' });
  await expect(pane.getByRole('region', { name: 'What cancelling means' })).toContainText("You won't be charged again");
  await pane.getByRole('radio', { name: 'Another reason' }).check();
  const long = 'å'.repeat(1005);
  await pane.getByRole('textbox', { name: 'Feedback (optional)' }).fill(long);
  await expect(pane.getByText('Feedback can be at most 1000 characters. Shorten it by 5.')).toBeVisible();
  await expect(pane.getByRole('textbox', { name: 'Feedback (optional)' })).toHaveAttribute('aria-invalid', 'true');
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane).toBeVisible();
  await expect(pane.getByRole('textbox', { name: 'Feedback (optional)' })).toBeFocused();
  await expect(pane.getByRole('textbox', { name: 'Feedback (optional)' })).toHaveValue(long);
  expect((await subscriptionOf(page, 'sub-business-basic')).status).toBe('active');
});

test('reactivate an expired subscription', async ({ page, request }) => {
  await signIn(page, '/products/sub-project-expired');
  await page.getByRole('link', { name: 'Reactivate subscription' }).click();
  const pane = page.getByRole('dialog', { name: 'Reactivate subscription' });
  await expect(pane).toContainText('Reactivating starts a new yearly billing period today');
  await expectAccessible(page);
  await pane.getByRole('button', { name: 'Reactivate' }).click();
  await expect(pane).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Project Plan 3 is active again.' })).toBeVisible();
  await expect(page.locator('.page-header .badge')).toHaveText('Active');
  // No longer offered once active.
  await expect(page.getByRole('link', { name: 'Reactivate subscription' })).toHaveCount(0);
  expect((await ordersOf(request, 'sub-project-expired')).map((o) => o.kind)).toEqual(['reactivated']);
});

test('a cancellation can be undone while access lasts: Reactivate keeps it, charges nothing, renews as before', async ({ page, request }) => {
  await signIn(page);
  // Outside the refund window: access lasts the paid period, so the subscription can still be kept.
  const terms = await (await page.request.get('/api/v1/subscriptions/sub-business-basic/cancellation')).json();
  expect(terms.refund).toBeUndefined();
  const row = page.getByRole('row', { name: /Business Basic/ });
  await row.getByRole('button', { name: 'More actions' }).click();
  await expect(page.getByRole('menuitem', { name: 'Reactivate subscription' })).toHaveCount(0);
  await page.getByRole('menuitem', { name: 'Cancel subscription' }).click();
  const cancel = page.getByRole('dialog', { name: 'Cancel subscription' });
  await cancel.getByRole('radio', { name: "We don't use it enough" }).check();
  await cancel.getByRole('button', { name: 'Save' }).click();
  await expect(cancel).toBeHidden();
  await expect(row).toContainText('Cancelled');

  const ends = new Date(`${terms.access_ends_on}T00:00:00Z`)
    .toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  await row.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Reactivate subscription' }).click();
  const pane = page.getByRole('dialog', { name: 'Reactivate subscription' });
  await expect(pane).toContainText(`Reactivating keeps the subscription: nothing is charged now, and it renews on ${ends} as before: 100 licenses, SEK 6,900.00 per month`);
  await expectAccessible(page);
  await pane.getByRole('button', { name: 'Reactivate' }).click();
  await expect(pane).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Microsoft 365 Business Basic is active again. It renews on ${ends}.` })).toBeVisible();
  await expect(row).toContainText('Active');
  await expect(row).toContainText(`Renews ${ends}`);
  const orders = await ordersOf(request, 'sub-business-basic');
  expect(orders.map((o) => [o.kind, o.amount.amount])).toEqual([['cancelled', '0.00'], ['reactivated', '0.00']]);
});

test('cancelling in Swedish: Avbryt prenumeration, anledning, Spara', async ({ page }) => {
  await signIn(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
  await page.getByRole('row', { name: /Power BI Pro/ }).getByRole('button', { name: 'Fler åtgärder' }).click();
  await page.getByRole('menuitem', { name: 'Avbryt prenumeration' }).click();
  const pane = page.getByRole('dialog', { name: 'Avbryt prenumeration' });
  await pane.getByRole('radio', { name: 'Vi använder den inte tillräckligt' }).check();
  await expect(pane.getByRole('region', { name: 'Vad det innebär att avbryta' })).toContainText('Åtkomsten upphör den');
  await expectAccessible(page);
  await pane.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Power BI Pro är avbruten.' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
});
