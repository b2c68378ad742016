import { type Page } from '@playwright/test';
import { test, expect } from './card-guard';
import { withDesignTools } from './helpers';

// Every state of the component gallery as a picture, compared with the committed baseline
// (gallery-snapshots.spec.ts-snapshots/): 1280 and 320 px wide, light and dark, English and the pseudo-locale.
// Fonts are pinned by the Debian packages `cargo xtask test` installs; the clock is fixed, so dates stay put.
// A difference fails with the expected, actual and diff images in test-results/. After a deliberate change of the
// look, `cargo xtask test --update-snapshots` renews the baselines: review them before committing.

/** A day the gallery's dates are computed from (its states show dates relative to today). */
const TODAY = new Date('2026-12-07T10:00:00');
/** How much of a picture may differ: a word wrapped onto another line changes far more than this. */
const TOLERANCE = { maxDiffPixelRatio: 0.002 };

/** A file-name part: lower case, words joined by dashes. */
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Opens the gallery as a designer sees it, without a backend, and waits until every state is shown. */
async function openGallery(page: Page, width: number, theme: string, locale: string) {
  await page.clock.setFixedTime(TODAY);
  await withDesignTools(page);
  // No backend for the gallery: every API call fails, as in a designer's `trunk serve`.
  await page.route('**/api/**', (route) => route.abort());
  await page.setViewportSize({ width, height: 900 });
  await page.goto('/gallery');
  // The gallery's own stylesheet (gallery.css, loaded by its page) applies.
  await expect.poll(() => page.evaluate(() => [...document.styleSheets].some((sheet) => sheet.href?.endsWith('/gallery.css')))).toBe(true);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
  await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  if (locale === 'en-XA') await expect(page.getByRole('heading', { name: /⟦/ }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Combobox' }).getByRole('option')).toHaveCount(4);
  // The hosted fields have loaded and follow the theme.
  const number = page.getByRole('region', { name: 'Form fields' }).locator('iframe').first().contentFrame().getByRole('textbox');
  await expect(number).toBeVisible();
  const background = theme === 'dark' ? 'rgb(22, 24, 28)' : 'rgb(255, 255, 255)';
  await expect.poll(() => number.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(background);
  const states = page.locator('figure.gallery-state');
  await expect(states).toHaveCount(24);
  return states;
}

for (const width of [1280, 320]) {
  for (const theme of ['light', 'dark']) {
    for (const locale of ['en', 'en-XA']) {
      test(`gallery at ${width} px, ${theme}, ${locale}: every state looks as its baseline`, async ({ page }) => {
        const states = await openGallery(page, width, theme, locale);
        const names = new Set<string>();
        for (const state of await states.all()) {
          const section = await state.locator('xpath=ancestor::section[1]/h2').textContent();
          const caption = await state.locator('figcaption').textContent();
          const name = `${slug(section ?? '')}--${slug(caption ?? '')}`;
          expect(names.has(name), `${name} is one state`).toBe(false);
          names.add(name);
          await expect(state).toHaveScreenshot([`${width}-${theme}-${locale}`, `${name}.png`], TOLERANCE);
        }
      });
    }
  }
}

test('the comparison fails when one word of a name moves onto another line', async ({ page }) => {
  const states = await openGallery(page, 320, 'light', 'en');
  const state = states.filter({ has: page.locator('figcaption', { hasText: /^with results$/ }) });
  const name = state.locator('.person-name').first();
  await expect(name).toHaveText('Anna Öberg');
  const height = (await name.boundingBox())!.height;
  // Narrow enough for "Anna" alone: "Öberg" goes onto a line of its own.
  await name.evaluate((element) => (element.style.maxWidth = '5ch'));
  expect((await name.boundingBox())!.height).toBeGreaterThan(height * 1.5);
  // Renewing the baselines would write this altered picture as one: the comparison runs only when comparing.
  if (!['all', 'changed'].includes(test.info().config.updateSnapshots)) {
    await expect(expect(state).toHaveScreenshot(['320-light-en', 'combobox--with-results.png'], TOLERANCE)).rejects.toThrow(/pixels/);
  }
});
