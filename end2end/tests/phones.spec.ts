import { test, expect, type Page } from '@playwright/test';
import { signIn } from './helpers';

// Every page and pane at phone widths, in English, Swedish, German and Chinese: the document never scrolls
// sideways, the page's heading is in the first screen (780 px), and no date, amount, invoice number, status or
// e-mail address is split inside itself.

const LOCALES = ['en', 'sv', 'de', 'zh-Hans'];
const WIDTHS = [320, 360];
const LANGUAGE = /^(Language|Språk|Sprache|语言)$/;

/**
 * Texts the layout split where it must not: a date, amount, invoice number or status (`.date`, `.number`,
 * `.number-inline`, `.expiry`, `.token`, `.badge`) on more than one line, or an e-mail address broken anywhere but
 * after its `@` or a dot. A text wider than its box on its own may break: it has to.
 */
async function splitTokens(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const measure = document.createElement('span');
    measure.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
    document.body.append(measure);
    const fits = (element: HTMLElement) => {
      measure.style.font = getComputedStyle(element).font;
      measure.textContent = element.textContent;
      const box = element.parentElement!.getBoundingClientRect();
      return measure.getBoundingClientRect().width <= box.width;
    };
    /** The characters of `element`'s text after which its rendered line breaks. */
    const breaksAfter = (element: HTMLElement) => {
      const after: string[] = [];
      let last: { top: number; char: string } | undefined;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          if (/\s/.test(text[i])) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = [...range.getClientRects()].find((r) => r.width > 0);
          if (!rect) continue;
          if (last && rect.top > last.top + rect.height / 2) after.push(last.char);
          last = { top: rect.top, char: text[i] };
        }
      }
      return after;
    };
    const visible = (element: HTMLElement) => element.getBoundingClientRect().width > 0 && !element.closest('[hidden], .visually-hidden');
    for (const element of document.querySelectorAll<HTMLElement>('.date, .number, .number-inline, .expiry, .token, .badge')) {
      if (visible(element) && breaksAfter(element).length > 0 && fits(element)) {
        found.push(`“${element.textContent?.trim()}” (${element.className})`);
      }
    }
    for (const element of document.querySelectorAll<HTMLElement>('.person-email, .chip-email, td:has(> wbr), td:has(> mark > wbr)')) {
      if (!visible(element)) continue;
      const wrong = breaksAfter(element).filter((char) => char !== '@' && char !== '.');
      if (wrong.length > 0) found.push(`“${element.textContent?.trim()}” broken after ${wrong.join(', ')}`);
    }
    measure.remove();
    return found;
  });
}

/** Checks the page as it is now at every width and in every locale. */
async function checkEveryWidthAndLocale(page: Page, heading: () => ReturnType<Page['getByRole']>, what: string) {
  for (const locale of LOCALES) {
    await page.getByRole('combobox', { name: LANGUAGE }).selectOption(locale);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 780 });
      const where = `${what}, ${locale}, ${width} px`;
      await expect(heading()).toBeVisible();
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(sideways, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(0);
      const box = await heading().boundingBox();
      expect(box!.y + box!.height, `${where}: the heading is below the first screen`).toBeLessThanOrEqual(780);
      expect(await splitTokens(page), where).toEqual([]);
    }
  }
  await page.getByRole('combobox', { name: LANGUAGE }).selectOption('en');
}

const h1 = (page: Page) => () => page.getByRole('heading', { level: 1 });
const dialogHeading = (page: Page) => () => page.getByRole('dialog').getByRole('heading', { level: 2 }).first();

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
});

for (const [path, what] of [
  ['/products', 'Your products'],
  ['/products/sub-business-basic', 'a product'],
  ['/licenses', 'Licenses'],
  ['/licenses/sub-business-basic', "a subscription's people"],
  ['/billing/invoices', 'Invoices'],
  ['/billing/payment-methods', 'Payment methods'],
  ['/billing/profiles', 'Billing profiles'],
  ['/help', 'Help'],
]) {
  test(`${what} fits a phone in every locale`, async ({ page }) => {
    await signIn(page, path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('main').getByRole('table').or(page.getByRole('main').getByRole('link')).first()).toBeVisible();
    await checkEveryWidthAndLocale(page, h1(page), what);
  });
}

for (const [path, pane] of [
  ['/products/sub-business-basic/buy', 'Buy licenses'],
  ['/products/sub-business-basic/cancel', 'Cancel subscription'],
  ['/licenses/sub-business-basic/assign', 'Assign licenses'],
  ['/billing/payment-methods/add', 'Add a payment method'],
]) {
  test(`the ${pane} pane fits a phone in every locale`, async ({ page }) => {
    await signIn(page, path);
    await expect(page.getByRole('dialog', { name: pane })).toBeVisible();
    await checkEveryWidthAndLocale(page, dialogHeading(page), pane);
  });
}

test('the check finds a split date and an e-mail address broken mid-word', async ({ page }) => {
  await signIn(page, '/licenses/sub-business-basic');
  await page.getByRole('combobox', { name: LANGUAGE }).selectOption('zh-Hans');
  await expect(page.getByRole('main').getByRole('table')).toBeVisible();
  expect(await splitTokens(page)).toEqual([]);
  // As the app was: dates free to break between any two characters, and e-mail addresses anywhere.
  await page.evaluate(() => {
    for (const date of document.querySelectorAll<HTMLElement>('td.date')) {
      date.style.cssText = 'white-space: normal; display: inline-block; width: 3em';
    }
    for (const email of document.querySelectorAll<HTMLElement>('td:has(wbr)')) {
      email.style.cssText = 'overflow-wrap: anywhere; display: inline-block; width: 4em';
    }
  });
  const found = await splitTokens(page);
  expect(found.some((f) => /^“\d{4}年/.test(f))).toBe(true);
  expect(found.some((f) => f.includes('broken after'))).toBe(true);
});

test('an invoice and the administrator pages fit a phone in every locale', async ({ page }) => {
  await signIn(page, '/billing/invoices');
  await page.getByRole('main').getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('link', { name: /PDF/ })).toBeVisible();
  await checkEveryWidthAndLocale(page, h1(page), 'an invoice');

  await signIn(page, '/admin/self-service', 'li.wei@contoso.com');
  await expect(page.getByRole('main').getByRole('table')).toBeVisible();
  await checkEveryWidthAndLocale(page, h1(page), 'Self-service purchases');
  await page.getByRole('main').getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('main').getByRole('table').first()).toBeVisible();
  await checkEveryWidthAndLocale(page, h1(page), 'a purchase');
});

test('on a phone, Your products is a list of stacked rows whose every … menu opens, in English and German', async ({ page }) => {
  await signIn(page);
  for (const [locale, more] of [['en', /^More actions for /], ['de', /^Weitere Aktionen für /]]) {
    await page.getByRole('combobox', { name: LANGUAGE }).selectOption(locale);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 780 });
      const buttons = page.getByRole('button', { name: more });
      const count = await buttons.count();
      expect(count).toBeGreaterThan(5);
      // Each row is a card as wide as the list: its name, figures and menu inside the screen.
      const rows = page.locator('table tbody tr:not([hidden])');
      for (let i = 0; i < count; i++) {
        const row = await rows.nth(i).boundingBox();
        expect(row!.x + row!.width, `row ${i}, ${locale}, ${width} px`).toBeLessThanOrEqual(width);
        const button = buttons.nth(i);
        await button.click();
        await expect(page.getByRole('menu')).toBeVisible();
        const menu = await page.getByRole('menu').boundingBox();
        expect(menu!.x, `menu ${i} starts inside the screen`).toBeGreaterThanOrEqual(0);
        expect(menu!.x + menu!.width, `menu ${i} ends inside the screen`).toBeLessThanOrEqual(width);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('menu')).toHaveCount(0);
      }
    }
  }
  await page.getByRole('combobox', { name: LANGUAGE }).selectOption('en');
});

test('on a phone, the navigation is behind a Menu button, which opens and closes it', async ({ page }) => {
  await signIn(page, '/billing/invoices');
  await page.setViewportSize({ width: 360, height: 780 });
  const nav = page.getByRole('navigation', { name: 'Main' });
  const menu = nav.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link', { name: 'Your products' })).toBeHidden();
  // The billing sections show once: as the page's tabs.
  await expect(page.getByRole('link', { name: 'Payment methods', exact: true })).toHaveCount(1);
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await nav.getByRole('link', { name: 'Your products' }).click();
  await expect(page).toHaveURL(/\/products$/);
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link', { name: 'Your products' })).toBeHidden();
  // Wide, there is no Menu button: the links are always there.
  await page.setViewportSize({ width: 1280, height: 780 });
  await expect(menu).toBeHidden();
  await expect(nav.getByRole('link', { name: 'Your products' })).toBeVisible();
});
