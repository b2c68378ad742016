import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test, expect } from './card-guard';
import { signIn, expectAccessible } from './helpers';

test('signed out, the page asks to sign in and comes back to where the person was', async ({ page }) => {
  await page.goto('/products?channel=self_service');
  await expect(page.getByRole('heading', { name: "You're signed out" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: /Åsa Öström/ }).click();
  await expect(page).toHaveURL(/\/products\?channel=self_service$/);
  await expect(page.getByRole('row', { name: /Microsoft 365 Business Basic/ })).toBeVisible();
});

test('an unknown address shows the not-found page', async ({ page }) => {
  await signIn(page, '/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Go to Your products' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your products' })).toBeVisible();
});

test('an unknown product, subscription or purchase is the not-found page, with its heading, not an error', async ({ page }) => {
  for (const [path, user] of [
    ['/products/does-not-exist', 'asa.ostrom@contoso.se'],
    ['/products/sub-jurgen-premium', 'asa.ostrom@contoso.se'],
    ['/licenses/does-not-exist', 'asa.ostrom@contoso.se'],
    ['/admin/self-service/does-not-exist', 'li.wei@contoso.com'],
  ]) {
    await signIn(page, path, user);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' }), path).toBeVisible();
    await expect(page.getByText('Something went wrong').filter({ visible: true })).toHaveCount(0);
    await expect(page).toHaveTitle(/^Page not found – /);
    await expectAccessible(page);
  }
  await page.getByRole('link', { name: 'Go to Your products' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your products' })).toBeVisible();
});

test('every area has a frame with its heading and navigation', async ({ page }) => {
  await signIn(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [link, heading, title] of [
    ['Licenses', 'Licenses', 'Licenses'],
    ['Invoices', 'Bills & payments', 'Invoices – Bills & payments'],
    ['Payment methods', 'Bills & payments', 'Payment methods – Bills & payments'],
    ['Billing profiles', 'Bills & payments', 'Billing profiles – Bills & payments'],
    ['Help', 'Help', 'Help'],
  ]) {
    await nav.getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page).toHaveTitle(`${title} – Self-service purchases`);
    await expect(page.getByRole('main')).toBeFocused();
    await expect(nav.getByRole('link', { name: link, exact: true })).toHaveAttribute('aria-current', 'page');
    await expectAccessible(page);
  }
});

test('an area whose module cannot be downloaded says so, and Try again opens it', async ({ page }) => {
  // The deployable build loads each area's code on first use (xtask/src/dist.rs): here the subscriptions area's
  // (the licenses pages are in it) fails.
  const licensesModule = /\/split_subscriptions-[0-9a-f]+\.wasm$/;
  await signIn(page);
  await page.route(licensesModule, (route) => route.abort('internetdisconnected'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Licenses', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText("We couldn't reach the service");
  await expectAccessible(page);
  await page.unroute(licensesModule);
  await page.getByRole('button', { name: 'Try again' }).click();
  // The list is the area's (the heading is the main module's, src/lib.rs).
  await expect(page.getByRole('table', { name: /licenses/i })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('Licenses and Invoices show their heading and introduction while their area\'s module downloads', async ({ page }) => {
  // Held until the headings have been checked: the frames are in the main module (src/lib.rs), the lists are not.
  let release = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  // (A held request the page gave up when it moved on cannot be continued: that refusal is expected.)
  await page.route(/\/split_(subscriptions|billing)-[0-9a-f]+\.wasm$/, async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  await signIn(page, '/licenses');
  await expect(page.getByRole('heading', { level: 1, name: 'Licenses' })).toBeVisible();
  await expect(page.getByText('Assign licenses for the subscriptions you bought')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await page.goto('/billing/invoices');
  await expect(page.getByRole('heading', { level: 1, name: 'Bills & payments' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Invoices' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Bills & payments sections' }).getByRole('link', { name: 'Payment methods' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Date range' })).toHaveCount(0);
  release();
  await expect(page.getByRole('combobox', { name: 'Date range' })).toBeVisible();
  await expectAccessible(page);
});

test('opened on an area\'s page, the app asks for the area\'s modules and its data only once its frame has been shown', async ({ page }) => {
  // They would share the connection with the main module and hold back the frame's paint (src/first_paint.rs,
  // src/api/client.rs).
  // The time of the animation frame that paints the heading: the rendering update right after it is in the page.
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('h1')) return;
      observer.disconnect();
      requestAnimationFrame(() => { (window as any).__framePainted = performance.now(); });
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await signIn(page, '/billing/invoices');
  await expect(page.getByRole('combobox', { name: 'Date range' })).toBeVisible();
  const { painted, shown, areaModules, apiRequests } = await page.evaluate(() => ({
    painted: (window as any).__framePainted as number,
    // When the first frame with content reached the screen (a paint's time is when it is shown).
    shown: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
    areaModules: performance.getEntriesByType('resource')
      .filter((r) => /\/(split_|chunk_)[^/]+\.wasm$/.test(r.name))
      .map((r) => r.startTime),
    apiRequests: performance.getEntriesByType('resource')
      .filter((r) => new URL(r.name).pathname.startsWith('/api/'))
      .map((r) => r.startTime),
  }));
  expect(painted).toBeGreaterThan(0);
  expect(shown).toBeGreaterThan(0);
  expect(areaModules.length).toBeGreaterThan(0);
  expect(apiRequests.length).toBeGreaterThan(1);
  for (const start of [...areaModules, ...apiRequests]) expect(start).toBeGreaterThan(Math.max(painted, shown));
});

test('opened in a background tab, the app asks for its modules and data at once, without waiting for a paint', async ({ page }) => {
  // A hidden page runs no animation frames and paints nothing (src/first_paint.rs): here it is hidden and none run.
  await page.addInitScript(() => {
    Object.defineProperty(Document.prototype, 'hidden', { get: () => true });
    window.requestAnimationFrame = () => 0;
  });
  await signIn(page, '/billing/invoices');
  await expect(page.getByText('Signed in as Åsa Öström')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Date range' })).toBeVisible();
  await expectAccessible(page);
});

test('help links come from the runtime configuration of the cloud instance', async ({ page }) => {
  await signIn(page, '/help');
  await expect(page.getByText('Cloud instance: Worldwide')).toBeVisible();
  const faq = page.getByRole('main').getByRole('link', { name: /Self-service purchase FAQ/ });
  const config = await (await page.request.get('/config.json')).json();
  await expect(faq).toHaveAttribute('href', config.instances.worldwide.faq_url);
});

test('the header shows who is signed in', async ({ page }) => {
  await signIn(page);
  await expect(page.getByText('Signed in as Åsa Öström')).toBeVisible();
});

test('signed out, a pane address shows the sign-in prompt and no pane', async ({ page }) => {
  await page.goto('/products/sub-power-bi-pro/buy');
  await expect(page.getByRole('heading', { name: "You're signed out" })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test('the skip link moves focus to the page content', async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Your products' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('a deployment with no sign-in address tells a signed-out person so, in their language, with no dead link', async ({ page }) => {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const { sign_in_url: _, ...json } = await response.json();
    await route.fulfill({ response, json });
  });
  await page.goto('/products');
  await expect(page.getByRole('heading', { name: "You're signed out" })).toBeVisible();
  await expect(page.getByText("This portal isn't set up for signing in yet. Ask the people who run it to set its sign-in address.")).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('sv');
  await expect(page.getByText('Den här portalen är inte konfigurerad för inloggning än.', { exact: false })).toBeVisible();
});

test('the deployable dist/ ships a config.json without the development sign-in', async () => {
  const dist = process.env.DIST_DIR ?? path.join(__dirname, '../../dist');
  const config = JSON.parse(readFileSync(path.join(dist, 'config.json'), 'utf8'));
  expect(config.sign_in_url).toBeUndefined();
  expect(JSON.stringify(config)).not.toContain('/dev/');
  expect(Object.keys(config.instances).sort()).toEqual(['germany', 'vianet', 'worldwide']);
});
