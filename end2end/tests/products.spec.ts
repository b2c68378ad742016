import { test, expect } from './card-guard';
import { signIn, expectAccessible, productRows, armFault, clearFaults } from './helpers';

test.afterEach(async ({ request }) => clearFaults(request));

test('lists the purchaser\'s products with licenses, status, renewal and price', async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Your products' })).toBeVisible();
  const row = page.getByRole('row', { name: /Microsoft 365 Business Basic/ });
  await expect(row).toContainText('40 of 100 assigned');
  await expect(row).toContainText('Active');
  await expect(row).toContainText(/Renews [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await expect(row).toContainText('SEK 69.00 per month');
  // An expired subscription's end date is in the past tense.
  await expect(page.getByRole('row', { name: /Project Plan 3/ })).toContainText(/Expired [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await expect(page.getByRole('status').filter({ hasText: 'of 10 products' })).toHaveText('10 of 10 products');
  await expect(page.getByRole('link', { name: 'Your products' })).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page);
});

test('filters to Self-service from the filter button; the URL keeps it across a reload', async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole('row', { name: /Microsoft Copilot Studio/ })).toBeVisible();
  const filter = page.getByRole('button', { name: /^Filter/ });
  await expect(filter).toHaveAttribute('aria-expanded', 'false');
  await filter.click();
  await expect(filter).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(page);
  await page.getByRole('radio', { name: 'Self-service' }).check();
  await expect(page).toHaveURL(/channel=self_service/);
  await expect(page.getByRole('row', { name: /Microsoft Copilot Studio/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Exchange Online/ })).toHaveCount(0);
  await expect(productRows(page)).toHaveCount(8);
  const filtered = await productRows(page).allInnerTexts();

  await page.reload();
  await expect(productRows(page)).toHaveText(filtered);
  await page.getByRole('button', { name: /^Filter/ }).click();
  await expect(page.getByRole('radio', { name: 'Self-service' })).toBeChecked();

  await page.getByRole('group', { name: 'Status' }).getByRole('radio', { name: 'Trial' }).check();
  await expect(page).toHaveURL(/status=trial/);
  await expect(productRows(page)).toHaveText(['Visio Plan 2']);
});

test('text search narrows the list instantly, ignoring case', async ({ page }) => {
  await signIn(page);
  await page.getByRole('searchbox', { name: 'Search products' }).fill('VISIO');
  await expect(page).toHaveURL(/q=VISIO/);
  await expect(productRows(page)).toHaveText(['Visio Plan 2']);
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search products' })).toHaveValue('VISIO');
  await expect(productRows(page)).toHaveText(['Visio Plan 2']);
});

test('the address follows the search box once typing pauses, and at once when the person moves on', async ({ page }) => {
  await signIn(page);
  const search = page.getByRole('searchbox', { name: 'Search products' });
  await search.pressSequentially('visio');
  await expect(productRows(page)).toHaveText(['Visio Plan 2']);
  await expect(page).toHaveURL(/\/products\?q=visio$/);
  // Straight on to the product after typing, without a pause: the list's address still has the whole text.
  await search.pressSequentially(' plan');
  await page.getByRole('link', { name: 'Visio Plan 2' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Visio Plan 2' })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/products\?q=visio(%20|\+)plan$/);
  await expect(search).toHaveValue('visio plan');
  await expect(productRows(page)).toHaveText(['Visio Plan 2']);
});

test('rows follow the search: each row\'s texts, link and More actions belong to the product it shows', async ({ page }) => {
  await signIn(page);
  await expect(productRows(page)).toHaveCount(10);
  const first = (await productRows(page).first().textContent())!;
  const search = page.getByRole('searchbox', { name: 'Search products' });
  await search.fill('business basic');
  await expect(productRows(page)).toHaveText(['Microsoft 365 Business Basic']);
  const row = page.getByRole('row', { name: /Microsoft 365 Business Basic/ });
  await expect(row).toContainText('40 of 100 assigned');
  const href = (await row.getByRole('link', { name: 'Microsoft 365 Business Basic' }).getAttribute('href'))!;
  // Relative, as every link of the app: under the page's base (src/routing/base_path.rs).
  expect(href).toMatch(/^products\/[^/?]+$/);
  await row.getByRole('button', { name: 'More actions for Microsoft 365 Business Basic' }).click();
  const menu = page.getByRole('menu', { name: 'More actions for Microsoft 365 Business Basic' });
  await expect(menu.getByRole('menuitem', { name: 'Buy licenses' })).toHaveAttribute('href', new RegExp(`^${href}/`));
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  await search.fill('');
  await expect(productRows(page)).toHaveCount(10);
  await expect(productRows(page).first()).toHaveText(first);
  await expect(page.getByRole('row', { name: first }).getByRole('button', { name: `More actions for ${first}` }))
    .toBeVisible();
  await search.fill('no-such-product');
  await expect(page.getByText('No products match these filters.')).toBeVisible();
  await expect(page.getByRole('table')).toBeHidden();
  await search.fill('business basic');
  await expect(productRows(page)).toHaveText(['Microsoft 365 Business Basic']);
  await expectAccessible(page);
  await row.getByRole('link', { name: 'Microsoft 365 Business Basic' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Microsoft 365 Business Basic' })).toBeVisible();
});

test('a long list comes in pages of 25 kept in the URL; searching goes back to the first page', async ({ page }) => {
  // The person's own products, copied to 70 (the reference demo has a dozen).
  await page.route(/\/api\/v1\/subscriptions\?/, async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    const items = Array.from({ length: 70 }, (_, n) => {
      const s = body.items[n % body.items.length];
      return { ...s, id: `${s.id}-${n}`, product: { ...s.product, name: `${s.product.name} ${String(n).padStart(3, '0')}` } };
    });
    await route.fulfill({ response, json: { ...body, items, total: items.length } });
  });
  await signIn(page);
  await expect(page.getByText('70 of 70 products')).toBeVisible();
  await expect(productRows(page)).toHaveCount(25);
  const pager = page.getByRole('navigation', { name: 'Pages' });
  await expect(pager).toContainText('Page 1 of 3');
  await expect(pager.getByRole('button', { name: 'Previous page' })).toHaveAttribute('aria-disabled', 'true');
  const firstOnPageOne = await productRows(page).first().textContent();
  await pager.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(pager).toContainText('Page 2 of 3');
  await expect(productRows(page).first()).not.toHaveText(firstOnPageOne!);
  await pager.getByRole('button', { name: 'Next page' }).click();
  await expect(productRows(page)).toHaveCount(20);
  await expect(pager.getByRole('button', { name: 'Next page' })).toHaveAttribute('aria-disabled', 'true');
  await expect(pager.getByRole('button', { name: 'Next page' })).toBeFocused();
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText('Page 3 of 3');
  await expect(productRows(page)).toHaveCount(20);

  await page.getByRole('searchbox', { name: 'Search products' }).fill('Visio');
  await expect(page).not.toHaveURL(/[?&]page=/);
  await expect(productRows(page).first()).toContainText('Visio');
  await expect(page.getByRole('status').filter({ hasText: /^\d+ of 70 products$/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Pages' })).toBeHidden();
});

test('an empty result says so and offers to clear the filters', async ({ page }) => {
  await signIn(page, '/products?q=no-such-product');
  await expect(page.getByText('No products match these filters.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByRole('row', { name: /Visio Plan 2/ })).toBeVisible();
  await expect(page).not.toHaveURL(/q=/);
});

test('sorts by a column, ascending then descending, announced with aria-sort', async ({ page }) => {
  await signIn(page);
  await expect(productRows(page)).toHaveCount(10);
  const defaultOrder = await productRows(page).allInnerTexts();
  const header = page.getByRole('columnheader', { name: 'Licenses' });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/sort=licenses&order=asc|order=asc&sort=licenses/);
  const totals = async () =>
    (await page.locator('table tbody tr:not([hidden]) td:nth-child(2)').allInnerTexts()).map((t) => Number(t.match(/of (\d+)/)![1]));
  const ascending = await totals();
  expect(ascending).toHaveLength(10);
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  expect(await productRows(page).allInnerTexts()).not.toEqual(defaultOrder);
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const descending = await totals();
  expect(descending).toEqual([...ascending].sort((a, b) => b - a));
});

test('the product page shows everything and explains why actions are not allowed', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Microsoft 365 Business Basic' }).click();
  await expect(page).toHaveURL(/\/products\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Microsoft 365 Business Basic' })).toBeVisible();
  await expect(page).toHaveTitle('Microsoft 365 Business Basic – Self-service purchases');
  const detail = (term: string) => page.locator('dl.details dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
  await expect(detail('Total licenses')).toHaveText('100');
  await expect(detail('Assigned licenses')).toHaveText('40');
  await expect(detail('Available licenses')).toHaveText('60');
  await expect(detail('Purchase channel')).toHaveText('Self-service');
  const remove = page.getByRole('button', { name: 'Remove licenses' });
  await expect(remove).toBeDisabled();
  await expect(remove).toHaveAccessibleDescription(/within 7 days.*closed on/);
  await expect(page.getByRole('link', { name: 'Buy licenses' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Buy licenses' }).click();
  const pane = page.getByRole('dialog', { name: 'Buy licenses' });
  await expect(pane).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(pane).toBeHidden();
  await expect(page).toHaveURL(/\/products\/[^/]+$/);
  await expect(page.getByRole('link', { name: 'Buy licenses' })).toBeFocused();
});

test('a trial explains that licenses cannot be bought during it', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Visio Plan 2' }).click();
  await expect(page.getByRole('button', { name: 'Buy licenses' })).toBeDisabled();
  await expect(page.getByRole('region', { name: 'Actions' }).getByText('Not available during a trial.').first()).toBeVisible();
});

test('switches to Swedish, remembers it across a reload, and back to English', async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Your products' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
  await expect(page.getByRole('heading', { level: 1, name: 'Dina produkter' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  const row = page.getByRole('row', { name: /Microsoft 365 Business Basic/ });
  await expect(row).toContainText('40 av 100 tilldelade');
  await expect(row).toContainText('69,00 kr per månad');
  await expect(row).toContainText(/Förnyas den \d{1,2} [a-zé]{3,4}\.? \d{4}/);
  await expect(page.getByRole('button', { name: /^Filter/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Fakturor och betalningar' }).or(page.getByText('Fakturor och betalningar'))).toBeVisible();
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dina produkter' })).toBeVisible();
  await page.getByRole('button', { name: /^Filter/ }).click();
  await expect(page.getByRole('radio', { name: 'Självbetjäning' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Your products' })).toBeVisible();
});

test('a server error is explained and Try again recovers', async ({ page, request }) => {
  await armFault(request, { method: 'GET', path: '/api/v1/subscriptions', status: 500, count: 1 });
  await signIn(page);
  const alert = page.getByRole('alert').filter({ hasText: 'Something went wrong on our side' });
  await expect(alert).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('row', { name: /Microsoft 365 Business Basic/ })).toBeVisible();
});

test('while the list loads, a placeholder says so', async ({ page, request }) => {
  await armFault(request, { method: 'GET', path: '/api/v1/subscriptions', delay_ms: 1500, count: 1 });
  await signIn(page);
  await expect(page.getByRole('status').filter({ hasText: 'Loading your products…' })).toBeAttached();
  await expect(page.locator('.skeleton-row').first()).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole('row', { name: /Microsoft 365 Business Basic/ })).toBeVisible();
  await expect(page.locator('.skeleton-row')).toHaveCount(0);
});

test('a typed address of a disallowed action leads to the product page, not a pane', async ({ page }) => {
  await signIn(page, '/products/sub-visio-trial/buy');
  await expect(page).toHaveURL(/\/products\/sub-visio-trial$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Visio Plan 2' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('an entry of More actions, followed after arriving by the app\'s own navigation, opens its pane without an error', async ({ page }) => {
  // Signed in at `/`: the app itself goes on to Your products (no page load of its own).
  await signIn(page, '/');
  await expect(page).toHaveURL(/\/products$/);
  const row = page.getByRole('row', { name: /Microsoft 365 Business Basic/ });
  await row.getByRole('button', { name: 'More actions for Microsoft 365 Business Basic' }).click();
  await page.getByRole('menuitem', { name: 'Cancel subscription' }).click();
  await expect(page.getByRole('dialog', { name: 'Cancel subscription' })).toBeVisible();
  // The card fixture fails the test if the page threw (the menu's removal once re-entered the renderer).
});

test('a subscription someone else manages says so once, on its row, its menu and its page; the intro says the list holds such', async ({ page }) => {
  await signIn(page);
  await expect(page.getByText('Subscriptions you bought, and ones others manage for your organization.')).toBeVisible();
  const partner = page.getByRole('row', { name: /Microsoft Copilot Studio/ });
  await expect(partner.getByRole('rowheader')).toContainText('Managed by a partner');
  await expect(page.getByRole('row', { name: /Exchange Online/ }).getByRole('rowheader')).toContainText("Managed by your organization's admin");
  await expect(page.getByRole('row', { name: /Business Basic/ }).getByRole('rowheader')).not.toContainText('Managed');

  await partner.getByRole('button', { name: /More actions/ }).click();
  const menu = page.getByRole('menu');
  // What the purchaser can do here stays; what only the partner can do is said once, not on each action.
  await expect(menu.getByRole('menuitem', { name: 'Assign licenses' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Buy licenses' })).toHaveCount(0);
  await expect(menu.getByRole('menuitem', { name: /Managed by a partner/ })).toHaveAttribute('aria-disabled', 'true');
  await expect(menu).toContainText('Only they can buy or remove licenses, cancel or reactivate it.');
  await expect(menu).not.toContainText('Only the person who bought it can change it.');
  await expectAccessible(page);
  await page.keyboard.press('Escape');

  await partner.getByRole('link', { name: 'Microsoft Copilot Studio' }).click();
  const actions = page.getByRole('region', { name: 'Actions' });
  await expect(actions.getByText('Managed by a partner. Only they can buy or remove licenses, cancel or reactivate it.')).toBeVisible();
  await expect(actions.getByRole('button', { name: 'Buy licenses' })).toHaveCount(0);
  await expect(actions).not.toContainText('Only the person who bought it');
  await expectAccessible(page);
});

test("the administrator's list: every purchase of another person says once who bought it, in every locale", async ({ page }) => {
  await signIn(page, '/products', 'li.wei@contoso.com');
  const rows = page.locator('table tbody tr:not([hidden])');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(5);
  for (const [locale, managed, old] of [
    ['en', /^(Bought by someone else in your organization|Managed by your organization's admin|Managed by a partner)$/, 'Only the person who bought it can change it.'],
    ['sv', /^(Köpt av någon annan i din organisation|Hanteras av organisationens administratör|Hanteras av en partner)$/, 'Bara den som köpte den kan ändra den.'],
    ['de', /^(Von einer anderen Person in Ihrer Organisation gekauft|Vom Administrator Ihrer Organisation verwaltet|Von einem Partner verwaltet)$/, 'Nur die Person, die das Abonnement gekauft hat, kann es ändern.'],
    ['zh-Hans', /^(由你组织中的其他人购买|由你组织的管理员管理|由合作伙伴管理)$/, '只有购买者本人才能进行更改。'],
  ] as const) {
    await page.getByRole('combobox', { name: /^(Language|Språk|Sprache|语言)$/ }).selectOption(locale);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    let others = 0;
    for (let i = 0; i < count; i++) {
      const said = rows.nth(i).locator('.managed-by:not([hidden])');
      if ((await said.count()) === 0) continue;
      others += 1;
      await expect(said).toHaveCount(1);
      await expect(said).toHaveText(managed);
    }
    expect(others, locale).toBeGreaterThan(3);
    await rows.nth(0).getByRole('button').click();
    await expect(page.getByRole('menu')).not.toContainText(old);
    await page.keyboard.press('Escape');
  }
});

test('while the filter panel is closed, active filters show as removable chips with Clear filters, and Filter carries their count', async ({ page }) => {
  await signIn(page, '/products?channel=self_service&status=active');
  const filter = page.getByRole('button', { name: /^Filter/ });
  await expect(filter).toHaveAccessibleName('Filter (2)');
  await expect(filter).toHaveAttribute('aria-expanded', 'false');
  const chips = page.getByRole('list', { name: 'Active filters' });
  await expect(chips.getByRole('listitem').filter({ hasText: ':' })).toHaveText(['Purchase channel: Self-service✕', 'Status: Active✕']);
  await expect(chips.getByRole('button')).toHaveText(['✕', '✕', 'Clear filters']);
  await expectAccessible(page);

  // Open, the choices show instead of the chips.
  await filter.click();
  await expect(chips).toBeHidden();
  await filter.click();
  await expect(chips).toBeVisible();

  await chips.getByRole('button', { name: 'Remove the filter Status: Active' }).click();
  await expect(page).not.toHaveURL(/status=/);
  await expect(page).toHaveURL(/channel=self_service/);
  await expect(filter).toHaveAccessibleName('Filter (1)');
  await expect(productRows(page)).toHaveCount(8);

  await chips.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/channel=/);
  await expect(chips).toBeHidden();
  await expect(productRows(page)).toHaveCount(10);
  await expect(filter).toHaveAccessibleName('Filter');

  // In Swedish too.
  await page.goto('/products?status=cancelled');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
  await expect(page.getByRole('list', { name: 'Aktiva filter' }).getByRole('button', { name: 'Ta bort filtret Status: Avbruten' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
});
