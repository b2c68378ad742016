import { test, expect, type Page } from '@playwright/test';
import { signIn, armFault, clearFaults, resetData, ordersOf, subscriptionOf } from './helpers';

// Faults in the middle of a state-changing flow (project `resilience`): each time the person is told what happened,
// what they typed stays, trying again works, and the backend records the change exactly once.

test.beforeEach(async ({ request }) => resetData(request));
test.afterEach(async ({ request }) => resetData(request));

const QUANTITY = '/api/v1/subscriptions/sub-business-basic/quantity';

/** Opens Buy licenses on Business Basic and enters 106, priced; returns the pane and its total field. */
async function enterNewTotal(page: Page) {
  await signIn(page, '/products/sub-business-basic/buy');
  const pane = page.getByRole('dialog', { name: 'Buy licenses' });
  const total = pane.getByRole('textbox', { name: 'Total number of licenses' });
  await total.fill('106');
  await expect(pane.getByText('SEK 276.00 charged now')).toBeVisible();
  return { pane, total };
}

const UNKNOWN_OUTCOME = /if it was already made, it won't be made or charged twice/;
const faults: { name: string; fault: Record<string, unknown>; says: RegExp }[] = [
  { name: 'a server error (500)', fault: { status: 500 }, says: /Something went wrong on our side/ },
  // Chromium itself resends an idempotent PUT when the connection closes: the trouble lasts (count 20) until the
  // network is back (the faults are cleared before the person tries again).
  { name: 'a dropped connection', fault: { drop: true, count: 20 }, says: /We couldn't reach the service/ },
  { name: 'a lost answer (applied, then dropped)', fault: { drop: true, after: true, count: 20 }, says: UNKNOWN_OUTCOME },
  { name: 'a gateway timeout after the change was applied', fault: { after: true }, says: UNKNOWN_OUTCOME },
  { name: 'too many requests (429, Retry-After)', fault: { status: 429, retry_after: 1 }, says: /too many requests\. Wait a second, then try again/ },
  { name: 'a signed-out session (401)', fault: { status: 401 }, says: /Your session ended, so nothing was changed\..*what you entered is kept/ },
];

for (const { name, fault, says } of faults) {
  test(`license total 100 → 106 through ${name}: told, kept, retried, charged once`, async ({ page, request }) => {
    const { pane, total } = await enterNewTotal(page);
    await armFault(request, { method: 'PUT', path: QUANTITY, ...fault });
    await pane.getByRole('button', { name: 'Save' }).click();
    await expect(pane.getByRole('alert')).toContainText(says);
    await expect(total).toHaveValue('106');
    await clearFaults(request);
    await pane.getByRole('button', { name: /^(Try again|Save)$/ }).first().click();
    await expect(pane).toBeHidden();
    expect((await subscriptionOf(page, 'sub-business-basic')).total_licenses).toBe(106);
    const orders = await ordersOf(request, 'sub-business-basic');
    expect(orders.map((o) => [o.kind, o.from_total, o.to_total])).toEqual([['licenses_added', 100, 106]]);
  });
}

const PRO = 'sub-power-bi-pro';

for (const { name, fault, says } of faults) {
  test(`assigning a license through ${name}: told, the person still chosen, retried, assigned once`, async ({ page, request }) => {
    await signIn(page, `/licenses/${PRO}/assign`);
    const pane = page.getByRole('dialog', { name: 'Assign licenses to users' });
    await pane.getByRole('combobox', { name: 'Name or e-mail' }).fill('bjorn.angstrom@');
    await pane.getByRole('option', { name: /Björn Ängström/ }).click();
    const before = (await subscriptionOf(page, PRO)).assigned_licenses;
    await armFault(request, { method: 'POST', path: `/api/v1/subscriptions/${PRO}/assignments`, ...fault });
    await pane.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect(pane.getByRole('alert').first()).toContainText(says);
    await expect(pane.getByRole('region', { name: /Chosen people/ }).getByRole('listitem')).toHaveText([/^Björn Ängström/]);
    await clearFaults(request);
    await pane.getByRole('button', { name: /^(Try again|Assign)$/ }).first().click();
    await expect(pane.getByRole('heading', { name: /^Done: .+ now has a license\.$/ })).toBeVisible();
    expect((await subscriptionOf(page, PRO)).assigned_licenses).toBe(before + 1);
  });
}

for (const { name, fault, says } of faults) {
  test(`cancelling through ${name}: told, reason and feedback kept, retried, cancelled once`, async ({ page, request }) => {
    await signIn(page, '/products/sub-power-bi-pro/cancel');
    const pane = page.getByRole('dialog', { name: 'Cancel subscription' });
    await pane.getByRole('radio', { name: "It's too expensive" }).check();
    const feedback = pane.getByRole('textbox', { name: 'Feedback (optional)' });
    await feedback.fill('Vi byter leverantör');
    await armFault(request, { method: 'POST', path: '/api/v1/subscriptions/sub-power-bi-pro/cancel', ...fault });
    await pane.getByRole('button', { name: 'Save' }).click();
    await expect(pane.getByRole('alert').first()).toContainText(says);
    await expect(pane.getByRole('radio', { name: "It's too expensive" })).toBeChecked();
    await expect(feedback).toHaveValue('Vi byter leverantör');
    await clearFaults(request);
    await pane.getByRole('button', { name: /^(Try again|Save)$/ }).first().click();
    await expect(pane).toBeHidden();
    expect((await subscriptionOf(page, 'sub-power-bi-pro')).status).toBe('cancelled');
    const orders = await ordersOf(request, 'sub-power-bi-pro');
    expect(orders.map((o) => [o.kind, o.feedback])).toEqual([['cancelled', 'Vi byter leverantör']]);
  });
}

test('license total while offline: told, kept, and saved once when back online', async ({ page, request }) => {
  const { pane, total } = await enterNewTotal(page);
  await page.context().setOffline(true);
  await pane.getByRole('button', { name: 'Save' }).click();
  await expect(pane.getByRole('alert')).toContainText("We couldn't reach the service");
  await expect(total).toHaveValue('106');
  await page.context().setOffline(false);
  await pane.getByRole('button', { name: /^(Try again|Save)$/ }).first().click();
  await expect(pane).toBeHidden();
  const orders = await ordersOf(request, 'sub-business-basic');
  expect(orders.map((o) => [o.kind, o.from_total, o.to_total])).toEqual([['licenses_added', 100, 106]]);
});
