import { type Page, type Locator, type APIRequestContext } from '@playwright/test';
import { test, expect } from './card-guard';
import { signIn, expectAccessible, armFault, resetData, subscriptionOf } from './helpers';

test.beforeEach(async ({ request }) => resetData(request));
test.afterEach(async ({ request }) => resetData(request));

const PRO = 'sub-power-bi-pro';

interface DirectoryMatch { person: { id: string; display_name: string; email: string }; already_assigned: boolean }

/** Members found by the directory for `q` who have no license on `subscription` yet. */
async function unlicensed(page: Page, subscription: string, q: string, count: number): Promise<DirectoryMatch['person'][]> {
  const response = await page.request.get(`/api/v1/directory/people?q=${encodeURIComponent(q)}&top=25&subscription_id=${subscription}`);
  expect(response.ok()).toBeTruthy();
  const found: DirectoryMatch[] = await response.json();
  const free = found.filter((m) => !m.already_assigned).map((m) => m.person);
  expect(free.length).toBeGreaterThanOrEqual(count);
  return free.slice(0, count);
}

/** Assigns people through the API, as another session of the purchaser would. */
async function assignThroughApi(page: Page, subscription: string, ids: string[], key: string) {
  const me = await (await page.request.get('/api/v1/me')).json();
  const response = await page.request.post(`/api/v1/subscriptions/${subscription}/assignments`, {
    headers: { 'x-csrf-token': me.csrf_token, 'idempotency-key': key },
    data: { person_ids: ids },
  });
  expect(response.ok()).toBeTruthy();
}

/** The people with a license on a subscription, by name (the first 200). */
async function licensedNames(request: APIRequestContext | Page['request'], subscription: string): Promise<string[]> {
  const response = await request.get(`/api/v1/subscriptions/${subscription}/assignments?page_size=200`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()).items.map((a: { person: { display_name: string } }) => a.person.display_name);
}

/** Expects the chosen people, by name, in order. */
async function expectChosen(pane: Locator, names: string[]) {
  const chips = pane.getByRole('region', { name: /Chosen people/ }).getByRole('listitem');
  await expect(chips).toHaveText(names.map((name) => new RegExp(`^${name}`)));
}

/** Types into the typeahead and picks the option named `option` with the keyboard. */
async function pick(page: Page, query: string, option: string | RegExp) {
  const box = page.getByRole('combobox', { name: 'Name or e-mail' });
  await box.fill(query);
  await expect(page.getByRole('option', { name: option })).toBeVisible();
  await page.getByRole('option', { name: option }).click();
}

async function openAssignPane(page: Page, subscription = PRO) {
  await signIn(page, `/licenses/${subscription}`);
  await page.getByRole('link', { name: 'Assign licenses' }).click();
  const pane = page.getByRole('dialog', { name: 'Assign licenses to users' });
  await expect(pane).toBeVisible();
  await expect(pane.getByRole('combobox', { name: 'Name or e-mail' })).toBeFocused();
  return pane;
}

test('the seed scenario: type a name, pick, repeat, Assign, Close, and the people are listed', async ({ page }) => {
  await signIn(page, '/licenses');
  const row = page.getByRole('row', { name: /Power BI Pro/ });
  await expect(row.getByRole('cell')).toHaveText(['Active', '10', '25', '15']);
  await expectAccessible(page);
  await row.getByRole('link', { name: 'Power BI Pro' }).click();
  await expect(page).toHaveURL(/\/licenses\/sub-power-bi-pro$/);
  await expect(page.getByText('10 of 25 licenses assigned, 15 available.')).toBeVisible();
  await expect(page.getByText('1–10 of 10 people')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Assign licenses' }).click();
  const pane = page.getByRole('dialog', { name: 'Assign licenses to users' });
  await expect(pane).toBeVisible();
  await expect(page).toHaveURL(/\/licenses\/sub-power-bi-pro\/assign$/);
  await pick(page, 'bjorn.angstrom@', /Björn Ängström/);
  await expect(pane.getByRole('combobox', { name: 'Name or e-mail' })).toHaveValue('');
  await pick(page, 'wang.fang@', /王芳 wang\.fang@/);
  const chosen = pane.getByRole('region', { name: /Chosen people/ });
  await expectChosen(pane, ['Björn Ängström', '王芳']);
  await expect(chosen).toHaveAccessibleName('Chosen people: 2 of at most 20');
  await expectAccessible(page);
  await pane.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(pane.getByRole('heading', { name: 'Done: 2 people got a license.' })).toBeVisible();
  await expect(chosen.getByRole('listitem')).toHaveCount(0);
  await expect(pane.getByText('13 licenses available.')).toBeVisible();
  await pane.getByRole('button', { name: 'Close', exact: true }).click();

  await expect(pane).toBeHidden();
  await expect(page).toHaveURL(/\/licenses\/sub-power-bi-pro$/);
  await expect(page.getByText('12 of 25 licenses assigned, 13 available.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Björn Ängström/ })).toContainText('bjorn.angstrom@contoso.se');
  await expect(page.getByRole('row', { name: /王芳 wang\.fang@/ })).toBeVisible();
  expect(await licensedNames(page.request, PRO)).toEqual(expect.arrayContaining(['Björn Ängström', '王芳']));
});

test('the 21st person is refused, and the pane says why', async ({ page }) => {
  const pane = await openAssignPane(page, 'sub-visio-trial');
  const people = await unlicensed(page, 'sub-visio-trial', 'a', 21);
  const box = pane.getByRole('combobox', { name: 'Name or e-mail' });
  for (const person of people.slice(0, 20)) {
    await box.fill(person.email);
    await expect(page.getByRole('option', { name: new RegExp(person.email) })).toBeVisible();
    await box.press('ArrowDown');
    await box.press('Enter');
    await expect(box).toHaveValue('');
  }
  const chips = pane.getByRole('region', { name: /Chosen people/ }).getByRole('listitem');
  await expect(chips).toHaveCount(20);
  const last = people[20];
  await box.fill(last.email);
  await page.getByRole('option', { name: new RegExp(last.email) }).click();
  await expect(pane.getByRole('alert').filter({ hasText: 'at most 20 people at a time' })).toContainText(last.display_name);
  await expect(chips).toHaveCount(20);
  await expectAccessible(page);
  // Removing one makes room again.
  await pane.getByRole('button', { name: new RegExp(`^Remove ${people[0].display_name}`) }).click();
  await expect(chips).toHaveCount(19);
  // Focus moves on to the next chip, not to the page.
  await expect(chips.nth(0).getByRole('button')).toBeFocused();
  await expect(chips.nth(0)).toContainText(people[1].email);
  await box.fill(last.email);
  await page.getByRole('option', { name: new RegExp(last.email) }).click();
  await expect(chips).toHaveCount(20);
});

test('keyboard only: arrows, Home/End, Enter picks, Escape closes then clears, Tab to Assign', async ({ page }) => {
  const pane = await openAssignPane(page);
  const box = pane.getByRole('combobox', { name: 'Name or e-mail' });
  await page.keyboard.type('an');
  const listbox = page.getByRole('listbox', { name: 'People found' });
  await expect(listbox).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expect(pane.getByRole('status').filter({ hasText: 'The first 10 people found are shown. Type more of the name or e-mail to narrow the search.' })).toBeVisible();
  const options = listbox.getByRole('option');
  await expect(options).toHaveCount(10);
  await page.keyboard.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', 'person-option-0');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(box).toHaveAttribute('aria-activedescendant', 'person-option-9');
  await page.keyboard.press('Home');
  await expect(box).toHaveAttribute('aria-activedescendant', 'person-option-0');
  await page.keyboard.press('End');
  await expect(box).toHaveAttribute('aria-activedescendant', 'person-option-9');
  await page.keyboard.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', 'person-option-0');
  await page.keyboard.press('ArrowDown');
  const second = (await options.nth(1).locator('.person-name').textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expectChosen(pane, [second]);
  await expect(box).toBeFocused();
  await expect(box).toHaveAttribute('aria-expanded', 'false');

  await page.keyboard.type('bjorn');
  await expect(listbox).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();
  await expect(box).toHaveValue('bjorn');
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');
  await expect(pane).toBeVisible();

  // Tab leaves the box for the chosen person's remove button, then Assign.
  await page.keyboard.press('Tab');
  await expect(pane.getByRole('button', { name: `Remove ${second} from the list` })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(pane.getByRole('button', { name: 'Assign', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(pane.getByRole('heading', { name: /^Done: .+ now has a license\.$/ })).toBeVisible();
  // Focus moves to the results, not to the Assign button, which is unavailable with nobody chosen.
  await expect(pane.getByRole('heading', { name: /^Done: / })).toBeFocused();
  expect(await licensedNames(page.request, PRO)).toContain(second);
});

test('diacritics and case do not matter, and the matched part is marked', async ({ page }) => {
  const pane = await openAssignPane(page);
  const box = pane.getByRole('combobox', { name: 'Name or e-mail' });
  await box.fill('ANGSTR');
  const option = page.getByRole('option', { name: /Björn Ängström/ });
  await expect(option).toBeVisible();
  await expect(option.locator('mark')).toHaveText(['Ängstr', 'angstr']);
  await box.fill('bjorn ang');
  await expect(option.locator('.person-name mark')).toHaveText(['Björn', 'Äng']);
  await expectAccessible(page);
});

test('guests and people outside the organization are not found', async ({ page }) => {
  const pane = await openAssignPane(page);
  const box = pane.getByRole('combobox', { name: 'Name or e-mail' });
  await box.fill('Gästrike');
  await expect(pane.getByRole('status').filter({ hasText: 'No one in your organization matches “Gästrike”.' })).toBeVisible();
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await box.fill('olivia.gastrike@fabrikam.com');
  await expect(pane.getByRole('status').filter({ hasText: 'No one in your organization matches' })).toContainText('fabrikam');
  await expectAccessible(page);
});

test('someone who already has a license is marked and cannot be chosen', async ({ page }) => {
  await signIn(page, `/licenses/${PRO}`);
  const holder = page.locator('table tbody th[scope="row"]').first();
  const name = (await holder.textContent()) ?? '';
  expect(name).not.toEqual('');
  await page.getByRole('link', { name: 'Assign licenses' }).click();
  const pane = page.getByRole('dialog', { name: 'Assign licenses to users' });
  await pane.getByRole('combobox', { name: 'Name or e-mail' }).fill(name);
  const option = page.getByRole('option', { name: new RegExp(name) }).first();
  await expect(option).toContainText('Already has a license');
  await expect(option).toHaveAttribute('aria-disabled', 'true');
  await option.click({ force: true });
  await expect(pane.getByText('No one chosen yet.')).toBeVisible();
  // Someone already chosen is marked too.
  await pick(page, 'bjorn.angstrom@', /Björn Ängström/);
  await pane.getByRole('combobox', { name: 'Name or e-mail' }).fill('bjorn');
  await expect(page.getByRole('option', { name: /Björn Ängström/ })).toContainText('Already chosen');
  await page.getByRole('option', { name: /Björn Ängström/ }).click({ force: true });
  await expect(pane.getByRole('region', { name: /Chosen people/ }).getByRole('listitem')).toHaveCount(1);
  await expectAccessible(page);
});

test('too few licenses: the pane says how many are missing and buys exactly those, keeping the people chosen', async ({ page }) => {
  await signIn(page, `/licenses/${PRO}`);
  // Another session leaves 2 of the 15 free licenses.
  const others = await unlicensed(page, PRO, 'e', 13);
  await assignThroughApi(page, PRO, others.map((p) => p.id), 'other-session');
  await page.reload();
  await expect(page.getByText('23 of 25 licenses assigned, 2 available.')).toBeVisible();
  await page.getByRole('link', { name: 'Assign licenses' }).click();
  const pane = page.getByRole('dialog', { name: 'Assign licenses to users' });
  await pick(page, 'bjorn.angstrom@', /Björn Ängström/);
  await pick(page, 'wang.fang@', /王芳 wang\.fang@/);
  await expect(pane.getByText('2 licenses available.')).toBeVisible();
  await pick(page, 'jurgen.weiss@', /Jürgen Weiß/);
  await expect(pane.getByRole('alert').filter({ hasText: "You've chosen 3 people, but only 2 licenses are available: 1 more is needed." })).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Assign', exact: true })).toHaveAttribute('aria-disabled', 'true');
  await expectAccessible(page);
  await pane.getByRole('link', { name: 'Buy licenses (1 more)' }).click();

  const buy = page.getByRole('dialog', { name: 'Buy licenses' });
  await expect(buy.getByRole('textbox', { name: 'Total number of licenses' })).toHaveValue('26');
  await expect(buy.getByText('Change: +1 license', { exact: true })).toBeVisible();
  await buy.getByRole('button', { name: 'Save' }).click();

  // Back in the Assign pane, the three people still chosen and enough licenses now.
  await expect(page).toHaveURL(/\/licenses\/sub-power-bi-pro\/assign$/);
  await expectChosen(pane, ['Björn Ängström', '王芳', 'Jürgen Weiß']);
  await expect(pane.getByText('3 licenses available.')).toBeVisible();
  await pane.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(pane.getByRole('heading', { name: 'Done: 3 people got a license.' })).toBeVisible();
  const after = await subscriptionOf(page, PRO);
  expect([after.assigned_licenses, after.total_licenses]).toEqual([26, 26]);
});

test('a partial failure shows who got a license and who did not, keeping those for another try', async ({ page }) => {
  const pane = await openAssignPane(page);
  await pick(page, 'marta.oberg@', /Märta Öberg/);
  await pick(page, 'bjorn.angstrom@', /Björn Ängström/);
  await pane.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(pane.getByRole('heading', { name: '1 of 2 people got a license.' })).toBeVisible();
  const results = pane.getByRole('status').filter({ hasText: 'got a license' });
  await expect(results.getByRole('listitem')).toHaveText([
    'Märta Öberg: no usage location (country) is set for this person, which licensing needs. Ask an administrator to set it.',
    'Björn Ängström: license assigned.',
  ]);
  await expectChosen(pane, ['Märta Öberg']);
  await expect(pane.getByText('still chosen, so you can fix the problem and try again')).toBeVisible();
  await expectAccessible(page);
  expect(await licensedNames(page.request, PRO)).toContain('Björn Ängström');
  expect(await licensedNames(page.request, PRO)).not.toContain('Märta Öberg');
});

test('a lost answer is retried with the same key: assigned once', async ({ page, request }) => {
  const pane = await openAssignPane(page);
  await pick(page, 'bjorn.angstrom@', /Björn Ängström/);
  await armFault(request, { method: 'POST', path: `/api/v1/subscriptions/${PRO}/assignments`, status: 504, after: true });
  const keys: string[] = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/assignments')) keys.push(r.headers()['idempotency-key']); });
  await pane.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(pane.getByRole('alert').filter({ hasText: 'Something went wrong on our side' })).toBeVisible();
  await expectChosen(pane, ['Björn Ängström']);
  await pane.getByRole('button', { name: 'Try again' }).click();
  await expect(pane.getByRole('heading', { name: /^Done: .+ now has a license\.$/ })).toBeVisible();
  expect(keys).toHaveLength(2);
  expect(keys[1]).toEqual(keys[0]);
  expect((await subscriptionOf(page, PRO)).assigned_licenses).toBe(11);
});

test('a slow earlier search never replaces a newer one: it is aborted', async ({ page, request }) => {
  const pane = await openAssignPane(page);
  await armFault(request, { method: 'GET', path: '/api/v1/directory/people', delay_ms: 1500 });
  const aborted = page.waitForEvent('requestfailed', (r) => r.url().includes('/directory/people?q=bjorn'));
  const box = pane.getByRole('combobox', { name: 'Name or e-mail' });
  await box.fill('bjorn');
  await page.waitForRequest((r) => r.url().includes('/directory/people?q=bjorn'));
  await box.fill('wang.fang@');
  await expect(page.getByRole('option', { name: /王芳 wang\.fang@/ })).toBeVisible();
  expect((await aborted).failure()?.errorText).toContain('ERR_ABORTED');
  // The slow answer can never arrive (its request was aborted): the newer results stay.
  await expect(page.getByRole('option', { name: /王芳 wang\.fang@/ })).toBeVisible();
  await expect(page.getByRole('option', { name: /Björn/ })).toHaveCount(0);
});

test('unassign selected people after a confirmation; the list and counts update', async ({ page }) => {
  await signIn(page, `/licenses/${PRO}`);
  const rows = page.locator('table tbody tr');
  await expect(rows).toHaveCount(10);
  const names = await page.locator('table tbody th[scope="row"]').allTextContents();
  const remove = page.getByRole('button', { name: 'Remove licenses' });
  await expect(remove).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('checkbox', { name: `Select ${names[0]}` }).check();
  await page.getByRole('checkbox', { name: `Select ${names[2]}` }).check();
  await expect(page.getByText('2 selected.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Select everyone on this page' })).toHaveJSProperty('indeterminate', true);
  await remove.click();
  const dialog = page.getByRole('alertdialog', { name: 'Unassign licenses?' });
  await expect(dialog).toContainText('2 people will lose access to Power BI Pro right away.');
  await expect(dialog.getByRole('listitem')).toHaveText([names[0], names[2]]);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
  expect((await subscriptionOf(page, PRO)).assigned_licenses).toBe(10);

  await remove.click();
  await dialog.getByRole('button', { name: 'Unassign' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '2 people no longer have a license for Power BI Pro.' })).toBeVisible();
  await expect(page.getByText('8 of 25 licenses assigned, 17 available.')).toBeVisible();
  await expect(rows).toHaveCount(8);
  await expect(page.getByRole('row', { name: new RegExp(names[0]) })).toHaveCount(0);
  await expect(remove).toHaveAttribute('aria-disabled', 'true');

  // Select all on the page, one person named in the dialog.
  await page.getByRole('checkbox', { name: 'Select everyone on this page' }).check();
  await expect(page.getByText('8 selected.')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Select everyone on this page' }).uncheck();
  await page.getByRole('checkbox', { name: `Select ${names[1]}` }).check();
  await remove.click();
  await expect(dialog).toContainText(`${names[1]} will lose access to Power BI Pro right away.`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await subscriptionOf(page, PRO)).assigned_licenses).toBe(8);
});

test('the people list is searched and paged by the backend, in the URL', async ({ page }) => {
  await signIn(page, '/licenses/sub-business-basic');
  const more = await unlicensed(page, 'sub-business-basic', 'a', 20);
  await assignThroughApi(page, 'sub-business-basic', more.map((p) => p.id), 'more');
  await page.reload();
  await expect(page.getByText('1–50 of 60 people')).toBeVisible();
  await expect(page.locator('table tbody tr')).toHaveCount(50);
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText('51–60 of 60 people')).toBeVisible();
  await expect(page.getByText('Page 2 of 2')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next page' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Next page' })).toHaveAttribute('aria-disabled', 'true');
  await expectAccessible(page);
  const someone = more[3];
  const word = someone.display_name.split(' ').pop() ?? '';
  await page.getByRole('searchbox', { name: 'Search people with a license' }).fill(word.slice(0, 4).toLowerCase());
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(word.slice(0, 4).toLowerCase())}`));
  await expect(page).not.toHaveURL(/page=2/);
  await expect(page.getByRole('row', { name: new RegExp(someone.display_name) })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search people with a license' }).fill('zzzz');
  await expect(page.getByText('No one with a license matches “zzzz”.')).toBeVisible();
});

test('Assign licenses from a product’s More actions menu opens the pane', async ({ page }) => {
  await signIn(page);
  await page.getByRole('row', { name: /Power BI Pro/ }).getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Assign licenses' }).click();
  await expect(page.getByRole('dialog', { name: 'Assign licenses to users' })).toBeVisible();
  await expect(page).toHaveURL(/\/licenses\/sub-power-bi-pro\/assign$/);
});

test('Swedish: Tilldela licenser, Tilldela, Stäng, Ta bort licenser, Ta bort tilldelning', async ({ page }) => {
  await signIn(page, `/licenses/${PRO}`);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
  await expect(page.getByText('10 av 25 licenser tilldelade, 15 tillgängliga.')).toBeVisible();
  await page.getByRole('link', { name: 'Tilldela licenser' }).click();
  const pane = page.getByRole('dialog', { name: 'Tilldela licenser till användare' });
  const box = pane.getByRole('combobox', { name: 'Namn eller e-post' });
  await box.fill('asa.ostrom@');
  await expect(pane.getByRole('status').filter({ hasText: '1 person hittades.' })).toBeVisible();
  await page.getByRole('option', { name: /Åsa Öström/ }).click();
  await expect(pane.getByRole('region', { name: 'Valda personer: 1 av högst 20' })).toBeVisible();
  await expectAccessible(page);
  await pane.getByRole('button', { name: 'Tilldela', exact: true }).click();
  await expect(pane.getByRole('heading', { name: 'Klart: Åsa Öström har nu en licens.' })).toBeVisible();
  await pane.getByRole('button', { name: 'Stäng fönstret', exact: true }).last().click();
  await page.getByRole('checkbox', { name: 'Välj Åsa Öström' }).check();
  await page.getByRole('button', { name: 'Ta bort licenser' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Ta bort tilldelning av licenser?' });
  await expect(dialog).toContainText('Åsa Öström förlorar åtkomsten till Power BI Pro direkt.');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Ta bort tilldelning' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Åsa Öström har inte längre någon licens för Power BI Pro.' })).toBeVisible();
});

test('switching the language relabels the rows\' checkboxes at once', async ({ page }) => {
  await signIn(page, `/licenses/${PRO}`);
  const [name] = await licensedNames(page.request, PRO);
  await expect(page.getByRole('checkbox', { name: `Select ${name}`, exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
  await expect(page.getByRole('checkbox', { name: `Välj ${name}`, exact: true })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Select / })).toHaveCount(0);
  await expectAccessible(page);
});

test('Escape on an empty name box closes the pane, and focus goes back to Assign licenses', async ({ page }) => {
  const pane = await openAssignPane(page);
  await page.keyboard.type('an');
  await expect(page.getByRole('listbox', { name: 'People found' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(pane.getByRole('combobox', { name: 'Name or e-mail' })).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(pane).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/licenses/${PRO}$`));
  await expect(page.getByRole('link', { name: 'Assign licenses' })).toBeFocused();
});

test('closing the pane while Assign is under way: the people still get licenses, and are no longer chosen', async ({ page, request }) => {
  const pane = await openAssignPane(page);
  const [person] = await unlicensed(page, PRO, 'b', 1);
  await pick(page, person.email, new RegExp(person.email));
  await armFault(request, { method: 'POST', path: `/api/v1/subscriptions/${PRO}/assignments`, delay_ms: 1500 });
  await pane.getByRole('button', { name: 'Assign', exact: true }).click();
  await pane.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(pane).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `${person.display_name} now has a license for Power BI Pro.` })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(person.email) })).toBeVisible();
  await page.getByRole('link', { name: 'Assign licenses' }).click();
  await expect(page.getByRole('dialog', { name: 'Assign licenses to users' }).getByText('No one chosen yet.')).toBeVisible();
});

test('typing a search replaces the history entry instead of adding one per letter', async ({ page }) => {
  await signIn(page, '/licenses');
  await page.getByRole('link', { name: 'Power BI Pro' }).click();
  await expect(page).toHaveURL(new RegExp(`/licenses/${PRO}$`));
  await page.getByRole('searchbox', { name: 'Search people with a license' }).pressSequentially('lindq');
  await expect(page).toHaveURL(/q=lindq/);
  await page.goBack();
  await expect(page).toHaveURL(/\/licenses$/);
});

test('a page past the last (after unassigning everyone on it) offers the last page instead', async ({ page }) => {
  await signIn(page, '/licenses/sub-business-basic');
  const more = await unlicensed(page, 'sub-business-basic', 'a', 20);
  await assignThroughApi(page, 'sub-business-basic', more.map((p) => p.id), 'more');
  await page.goto('/licenses/sub-business-basic?page=2');
  await expect(page.getByText('51–60 of 60 people')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Select everyone on this page' }).check();
  await page.getByRole('button', { name: 'Remove licenses' }).click();
  await page.getByRole('alertdialog', { name: 'Unassign licenses?' }).getByRole('button', { name: 'Unassign' }).click();
  await expect(page.getByText("There's no page 2 now: the list ends on page 1.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Go to page 1' }).click();
  await expect(page.getByText('1–50 of 50 people')).toBeVisible();
});

test('assigning is not offered where the backend does not allow it, with the reason', async ({ page }) => {
  await signIn(page, '/licenses/sub-project-expired');
  const assign = page.getByRole('button', { name: 'Assign licenses' });
  await expect(assign).toHaveAttribute('aria-disabled', 'true');
  await expect(assign).toHaveAccessibleDescription(/expired/i);
  await expect(page.getByRole('link', { name: 'Assign licenses' })).toHaveCount(0);
  await expectAccessible(page);
});

test('an unknown subscription is the not-found page, said once, with no list to search', async ({ page }) => {
  await signIn(page, '/licenses/sub-does-not-exist');
  await expect(page.getByRole('heading', { name: 'Page not found', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('searchbox')).toHaveCount(0);
});

test('names are in the reader’s order: Swedish puts Å, Ä, Ö after Z, German keeps Ä with A', async ({ page }) => {
  const inOrder = (names: string[], locale: string) => [...names].sort(new Intl.Collator(locale).compare);
  const firstLines = async (texts: Promise<string[]>) => (await texts).map((t) => t.split('\n')[0].trim());
  await signIn(page, '/licenses/sub-business-basic');
  const names = () => firstLines(page.getByRole('table').locator('tbody th').allInnerTexts());
  await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible();

  await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
  await expect(page.getByRole('link', { name: 'Tilldela licenser' })).toBeVisible();
  await expect.poll(async () => { const shown = await names(); return shown.join('|') === inOrder(shown, 'sv').join('|') && shown.length > 20; }).toBe(true);
  const swedish = await names();
  const lastPlain = Math.max(...swedish.map((n, i) => (/^[A-Z]/.test(n) ? i : -1)));
  const firstNordic = swedish.findIndex((n) => /^[ÅÄÖ]/.test(n));
  expect(firstNordic, 'a name starting with Å, Ä or Ö is listed').toBeGreaterThan(-1);
  expect(lastPlain).toBeLessThan(firstNordic);

  await page.getByRole('combobox', { name: 'Språk' }).selectOption('de');
  await expect(page.getByRole('link', { name: 'Lizenzen zuweisen' })).toBeVisible();
  await expect.poll(async () => { const shown = await names(); return shown.join('|') === inOrder(shown, 'de').join('|'); }).toBe(true);
  const german = await names();
  expect(german.findIndex((n) => /^[ÅÄÖ]/.test(n))).toBeLessThan(lastPlain);

  // The typeahead's matches too.
  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('sv');
  await page.getByRole('link', { name: 'Tilldela licenser' }).click();
  const pane = page.getByRole('dialog', { name: 'Tilldela licenser till användare' });
  // Åsa with a family name starting with A, Å or Ä: Swedish lists Andersson before Åberg and Älmqvist.
  await pane.getByRole('combobox', { name: 'Namn eller e-post' }).fill('åsa a');
  const options = pane.getByRole('option');
  await expect(options.first()).toBeVisible();
  const found = await firstLines(options.allInnerTexts());
  expect(found).toEqual(inOrder(found, 'sv'));
  const plain = found.map((n, i) => (/^Åsa A/.test(n) ? i : -1)).filter((i) => i >= 0);
  const nordic = found.map((n, i) => (/^Åsa [ÅÄ]/.test(n) ? i : -1)).filter((i) => i >= 0);
  expect(plain.length > 0 && nordic.length > 0, found.join(', ')).toBe(true);
  expect(Math.max(...plain)).toBeLessThan(Math.min(...nordic));
  await expectAccessible(page);
});
