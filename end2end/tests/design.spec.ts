import { type Page } from '@playwright/test';
import { test, expect } from './card-guard';
import { signIn, expectAccessible, hostedField, withDesignTools } from './helpers';

/** Elements whose text does not fit their box (or a page that scrolls sideways), outside scrollable tables. */
async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) found.push(`page scrolls sideways (${document.documentElement.scrollWidth}px)`);
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (!el.offsetParent || el.closest('.table-wrap, .visually-hidden, [hidden]')) continue;
      const style = getComputedStyle(el);
      const clips = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
      const boxed = el.matches('button, .button, .badge, label, a, h1, h2, h3, dt, dd, p, span, li');
      if ((clips || boxed) && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        found.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.trim().slice(0, 40)} (${el.scrollWidth} > ${el.clientWidth})`);
      }
    }
    return found;
  });
}

/**
 * Words of names, e-mail addresses and headings that the layout broke inside (a line break within the word, not
 * after a hyphen nor between Chinese characters), in the elements matching `selector`. A single word wider than its element's box may break: it
 * has to.
 */
async function wordsBrokenInside(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const broken: string[] = [];
    const measure = document.createElement('span');
    measure.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
    document.body.append(measure);
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || element.closest('[hidden]')) continue;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // Words between spaces and hyphens (after a hyphen a line may break, as typographers do); Chinese and
        // Japanese break between any two characters, so each is a word of its own.
        for (const word of (node.textContent ?? '').matchAll(/[^\s\-\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu)) {
          const range = document.createRange();
          range.setStart(node, word.index!);
          range.setEnd(node, word.index! + word[0].length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          const lines = rects.filter((r) => Math.abs(r.top - rects[0].top) > r.height / 2);
          if (lines.length === 0) continue;
          measure.style.font = getComputedStyle(node.parentElement!).font;
          measure.textContent = word[0];
          if (measure.getBoundingClientRect().width <= box.width) broken.push(`“${word[0]}” in ${element.className || element.tagName}`);
        }
      }
    }
    measure.remove();
    return broken;
  }, selector);
}

test('the gallery shows every component state without a backend, axe-clean, light and dark, wide and narrow', async ({ page }) => {
  await withDesignTools(page);
  // No backend: every API call fails.
  const apiCalls: string[] = [];
  await page.route('**/api/**', (route) => {
    apiCalls.push(route.request().url());
    return route.abort();
  });
  await page.goto('/gallery');
  await expect(page.getByRole('heading', { level: 1, name: 'Component gallery' })).toBeVisible();
  for (const section of ['Buttons', 'Badges', 'Menu button', 'Pane', 'Combobox', 'Date range', 'Tables', 'Money and dates', 'Confirmation', 'Form fields']) {
    await expect(page.getByRole('region', { name: section })).toBeVisible();
  }
  const combobox = page.getByRole('region', { name: 'Combobox' });
  await expect(combobox.getByRole('listbox', { name: 'People found' })).toBeVisible();
  await expect(combobox.getByRole('option')).toHaveCount(4);
  await expect(combobox.getByText('No one in your organization matches “zzz”.')).toBeVisible();
  await expect(combobox.getByText('Searching…')).toBeVisible();
  await expect(combobox.getByRole('alert')).toContainText("We couldn't reach the service.");
  await expect(page.getByRole('region', { name: 'Date range' }).getByRole('textbox', { name: 'From' })).toHaveAccessibleDescription('The first day must be on or before the last day.');
  await expect(page.getByRole('region', { name: 'Tables' }).getByRole('table', { name: 'Invoices in the date range' }).locator('tbody tr')).toHaveCount(60);
  const money = page.getByRole('region', { name: 'Money and dates' });
  for (const locale of ['en', 'sv', 'de', 'zh-Hans']) {
    const expected = await page.evaluate((l) => new Intl.NumberFormat(l, { style: 'currency', currency: 'SEK' }).format('1234.50' as unknown as number), locale);
    await expect(money.getByRole('row', { name: new RegExp(`^${locale} `) })).toContainText(expected);
  }
  // The card form's hosted fields come from the payments origin, whatever the API does.
  const hostedNumber = hostedField(page.getByRole('region', { name: 'Form fields' }), 'Card number');
  await expect(hostedNumber).toHaveAccessibleDescription(/Enter the card number\.$/);
  await expectAccessible(page);

  // The menu opens, and a confirmation shows.
  await page.getByRole('button', { name: 'More actions for Power BI Pro' }).click();
  await expect(page.getByRole('menuitem', { name: 'Buy licenses' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Show a confirmation' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Visa ending in 4242 is added.' })).toBeVisible();

  // Dark, then narrow.
  const background = () => page.locator('.gallery').evaluate((e) => getComputedStyle(e).backgroundColor);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect.poll(background).toBe('rgb(22, 24, 28)');
  // The hosted fields take the gallery's colour scheme from it.
  await expect.poll(() => hostedNumber.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(22, 24, 28)');
  await expectAccessible(page);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
  await expect.poll(background).toBe('rgb(255, 255, 255)');
  await page.getByRole('checkbox', { name: 'Narrow (320 px)' }).check();
  await expect.poll(() => page.locator('.gallery-stage').evaluate((e) => e.getBoundingClientRect().width)).toBeLessThanOrEqual(320);

  // The pane opens over the gallery and closes back to it.
  await page.getByRole('link', { name: 'Open the pane' }).click();
  const pane = page.getByRole('dialog', { name: 'Buy licenses' });
  await expect(pane.getByRole('textbox', { name: 'Total number of licenses' })).toHaveValue('105');
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(pane).toBeHidden();
  await expect(page).toHaveURL(/\/gallery$/);

  // In Swedish, the components speak Swedish.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
  await expect(page.getByRole('region', { name: 'Buttons' }).getByRole('button', { name: 'Spara' })).toBeVisible();
  // The only request is the app's start-up session check, which fails harmlessly without a backend.
  expect(apiCalls.map((url) => new URL(url).pathname)).toEqual(['/api/v1/me']);
});

test('each gallery state has its own address, which opens the gallery at that state, marked', async ({ page }) => {
  await withDesignTools(page);
  await page.route('**/api/**', (route) => route.abort());
  await page.goto('/gallery');
  const states = page.locator('figure.gallery-state');
  await expect(states.first()).toBeVisible();
  const addresses = await states.locator('figcaption').getByRole('link').evaluateAll((links) =>
    links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  expect(addresses.length, 'a link in every caption').toBe(await states.count());
  expect(new Set(addresses).size, 'one address per state').toBe(addresses.length);
  for (const address of addresses) expect(address).toMatch(/^\/gallery\/[a-z0-9-]+\/[a-z0-9-]+$/);
  expect(addresses).toContain('/gallery/combobox/with-results');
  await expect(page.locator('[aria-current]')).toHaveCount(0);

  // A designer's link: the gallery, scrolled to the state, which is marked.
  await page.goto('/gallery/form-fields/a-save-that-failed');
  const failedSave = page.getByRole('region', { name: 'Form fields' }).getByRole('figure', { name: 'a save that failed' });
  await expect(failedSave).toBeInViewport();
  await expect(failedSave.getByRole('link', { name: 'a save that failed' })).toHaveAttribute('aria-current', 'page');
  await expect(failedSave.locator('.gallery-sample')).toHaveCSS('outline-style', 'solid');
  await expect(page.locator('[aria-current]')).toHaveCount(1);
  await expectAccessible(page);

  // Following another state's caption moves the mark and the address.
  const results = page.getByRole('region', { name: 'Combobox' }).getByRole('figure', { name: 'with results' });
  await results.getByRole('link', { name: 'with results' }).click();
  await expect(page).toHaveURL(/\/gallery\/combobox\/with-results$/);
  await expect(results.getByRole('link', { name: 'with results' })).toHaveAttribute('aria-current', 'page');
  await expect(failedSave.locator('.gallery-sample')).toHaveCSS('outline-style', 'none');
  await expect(results).toBeInViewport();
});

test('no word of a name, an e-mail address or a heading breaks inside in the gallery, wide and at 320 px', async ({ page }) => {
  await withDesignTools(page);
  const names = '.person-option .person-name, .person-option .person-email, .chip-name, .data-table th, .data-table td, h1, h2, h3';
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/gallery');
    await expect(page.getByRole('region', { name: 'Combobox' }).getByRole('option')).toHaveCount(4);
    for (const locale of ['en', 'sv']) {
      await page.getByRole('combobox', { name: /^(Language|Språk)$/ }).selectOption(locale);
      expect(await wordsBrokenInside(page, names), `${width} px, ${locale}`).toEqual([]);
    }
    await page.getByRole('combobox', { name: /^(Language|Språk)$/ }).selectOption('en');
  }
});

test('a release build without design_tools has no gallery', async ({ page }) => {
  await page.goto('/gallery');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});

test('each locale formats money and dates its own way on Your products', async ({ page }) => {
  await signIn(page);
  const subscription = await (await page.request.get('/api/v1/subscriptions/sub-power-bi-pro')).json();
  const row = page.getByRole('row', { name: /Power BI Pro/ });
  for (const [locale, perMonth] of [['en', 'per month'], ['sv', 'per månad'], ['de', 'pro Monat'], ['zh-Hans', '每月']]) {
    await page.getByRole('combobox', { name: /Language|Språk|Sprache|语言/ }).selectOption(locale);
    const [price, date] = await page.evaluate(([l, amount, currency, day]) => [
      new Intl.NumberFormat(l, { style: 'currency', currency }).format(amount as unknown as number),
      new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)),
    ], [locale, subscription.unit_price.amount, subscription.unit_price.currency, subscription.renews_or_expires_on]);
    await expect(row).toContainText(price);
    await expect(row).toContainText(date);
    await expect(row).toContainText(perMonth);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
  }
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
});

test('in the pseudo-locale (accented, 40 % longer), no text overflows its container on the main pages', async ({ page }) => {
  await withDesignTools(page);
  await signIn(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('en-XA');
  for (const path of ['/products', '/products/sub-business-basic', '/licenses', '/licenses/sub-power-bi-pro', '/billing/invoices', '/billing/payment-methods', '/billing/profiles/bp-stockholm', '/help']) {
    await page.goto(path);
    await expect(page.locator('main')).toContainText('⟦');
    await expect(page.locator('.loading-table')).toHaveCount(0);
    await expect(page.locator('main table, main .card, main .link-list').first()).toBeVisible();
    if (path === '/products') {
      // The check itself finds an overflowing element.
      await page.evaluate(() => {
        const probe = document.createElement('button');
        probe.id = 'overflow-probe';
        probe.style.cssText = 'width: 40px; white-space: nowrap; overflow: hidden';
        probe.textContent = '⟦a label far too long for its box⟧';
        document.querySelector('main')?.append(probe);
      });
      expect((await overflowingElements(page)).some((e) => e.includes('far too long'))).toBe(true);
      await page.evaluate(() => document.getElementById('overflow-probe')?.remove());
    }
    const overflowing = await overflowingElements(page);
    expect(overflowing, path).toEqual([]);
  }
});

test('alignment: select-all with the row checkboxes, headers on one baseline, group headings with their options, disabled buttons solid', async ({ page }) => {
  await signIn(page, '/licenses/sub-power-bi-pro');
  const table = page.getByRole('table');
  const selectAll = table.getByRole('checkbox', { name: 'Select everyone on this page' });
  const firstRow = table.locator('tbody').getByRole('checkbox').first();
  const [all, row] = [await selectAll.boundingBox(), await firstRow.boundingBox()];
  expect(Math.abs(all!.x - row!.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(all!.width - row!.width)).toBeLessThanOrEqual(1);
  // Every header's text ends on the same line, next to the cells, however many lines a header takes.
  const bottoms = await table.locator('thead th').evaluateAll((cells) =>
    cells.map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const rects = [...range.getClientRects()].filter((r) => r.height > 0);
      return Math.max(...rects.map((r) => r.bottom));
    }),
  );
  expect(Math.max(...bottoms) - Math.min(...bottoms)).toBeLessThanOrEqual(4);
  const disabled = page.getByRole('button', { name: 'Remove licenses' });
  await expect(disabled).toHaveAttribute('aria-disabled', 'true');
  expect(await disabled.evaluate((button) => getComputedStyle(button).borderTopStyle)).toBe('solid');

  await page.goto('/products');
  await page.getByRole('button', { name: /^Filter/ }).click();
  for (const name of ['Purchase channel', 'Status']) {
    const group = page.getByRole('group', { name });
    const legend = await group.locator('legend').boundingBox();
    const option = await group.getByRole('radio').first().boundingBox();
    expect(Math.abs(legend!.x - option!.x), name).toBeLessThanOrEqual(1);
  }
  await expectAccessible(page);
});
