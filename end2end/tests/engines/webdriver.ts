import { test as base, expect } from '@playwright/test';
import { Key, type WebDriver, type WebElement } from 'selenium-webdriver';
import { APP, axeScript, queriesScript, startSession, type Engine } from './drivers';

/**
 * Firefox and WebKit through WebDriver (Playwright cannot drive Debian's builds; drivers.ts starts them). Elements
 * are found as the Chromium projects find them, by role and accessible name: Testing Library's role queries are put
 * into each page the tests look at, and axe-core checks it, in the engine under test.
 */
export type { Engine };

/** A name to match: exactly this text, or a pattern. */
export type Name = string | RegExp;

/** Elements found again each time they are used (pages re-render), like Playwright's locators. */
export class Query {
  constructor(
    private readonly app: App,
    private readonly description: string,
    private readonly resolve: () => Promise<WebElement[]>,
  ) {}

  /** Elements of `role` named `name` inside this one. */
  get(role: string, name?: Name): Query {
    return new Query(this.app, `${role} ${name ?? ''} in ${this.description}`, async () => this.app.all(role, name, await this.element(1_000)));
  }

  /** Elements of `role` inside this one whose text contains `text` (statuses and alerts have no name of their own). */
  withText(role: string, text: Name): Query {
    return new Query(this.app, `${role} saying ${text} in ${this.description}`, async () => {
      const all = await this.app.all(role, undefined, await this.element(1_000));
      const texts = await Promise.all(all.map((element) => element.getText()));
      return all.filter((_, i) => (text instanceof RegExp ? text.test(texts[i]) : texts[i].includes(text)));
    });
  }

  /** The form control labelled `label` inside this one (date inputs have no role of their own). */
  labelled(label: string): Query {
    return new Query(this.app, `field labelled ${label} in ${this.description}`, async () => {
      const scope = await this.element(1_000);
      await this.app.injectQueries();
      return this.app.driver.executeScript('return window.__TL.byLabel(arguments[0], arguments[1]);', scope, label);
    });
  }

  /** The one element, waiting until there is exactly one. */
  async element(timeout = 10_000): Promise<WebElement> {
    let found: WebElement[] = [];
    await this.app.until(async () => (found = await this.resolve()).length === 1, () => `one ${this.description} (found ${found.length})`, timeout);
    return found[0];
  }

  /** Every element found now. */
  async all(): Promise<WebElement[]> {
    return this.resolve();
  }

  /** Waits until there are `count` of them. */
  async count(count: number) {
    let found = 0;
    await this.app.until(async () => (found = (await this.all()).length) === count, () => `${count} ${this.description} (found ${found})`);
  }

  async gone() {
    await this.count(0);
  }

  async click() {
    await this.retry(async (element) => {
      // WebKitGTK's driver does not scroll inside a scrolling pane to reach an element, as a person would.
      await this.app.driver.executeScript('arguments[0].scrollIntoView({ block: "nearest" })', element);
      await element.click();
    });
  }

  /** Replaces a text field's value, as a person would: select all, type. */
  async fill(value: string) {
    await this.click();
    await this.retry(async (element) => element.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE));
    await this.property('value', '');
    await this.retry(async (element) => element.sendKeys(value));
    await this.property('value', value);
  }

  /** Types an ISO date into a date control the way a person in the United States does: 08/01/2026. */
  async typeDate(iso: string) {
    const [year, month, day] = iso.split('-');
    // Focused as by Tab (a click lands on whichever part is under the pointer): the month comes first.
    await this.app.driver.executeScript('arguments[0].focus()', await this.element());
    await this.app.press(...`${month}/${day}/${year}`);
    await this.property('value', iso);
  }

  /** Chooses the option labelled `label` of a `<select>`. */
  async choose(label: string) {
    await this.get('option', label).click();
  }

  /** Waits until the text contains `expected`. */
  async text(expected: Name) {
    // Spaces as a reader sees them: no-break spaces (between a currency and its amount) and line breaks are spaces.
    const normal = (text: string) => text.replace(/\s+/g, ' ');
    let text = '';
    const matches = () => (expected instanceof RegExp ? expected.test(text) : text.includes(normal(expected)));
    await this.app.until(async () => ((text = normal(await (await this.element(1_000)).getText())), matches()), () => `${this.description} to say ${expected} (said “${text}”)`);
  }

  /** Waits until the DOM property `property` (value, checked…) is `expected`. */
  async property(property: string, expected: unknown) {
    let value: unknown;
    await this.app.until(async () => (value = await (await this.element(1_000)).getProperty(property)) === expected, () => `${this.description}'s ${property} to be ${expected} (was ${value})`);
  }

  /** Waits until the attribute `name` is `expected`. */
  async attribute(name: string, expected: string | null) {
    let value: string | null = null;
    await this.app.until(async () => (value = await (await this.element(1_000)).getAttribute(name)) === expected, () => `${this.description}'s ${name} to be ${expected} (was ${value})`);
  }

  /** Waits until it has focus. */
  async focused() {
    await this.app.until(() => this.isFocused(), `${this.description} to have focus`);
  }

  async isFocused(): Promise<boolean> {
    const active = await this.app.driver.switchTo().activeElement();
    return (await active.getId()) === (await (await this.element(1_000)).getId());
  }

  /** Runs `action` on the element, finding it again when it was replaced meanwhile. */
  private async retry(action: (element: WebElement) => Promise<unknown>) {
    await this.app.until(async () => {
      await action(await this.element(1_000));
      return true;
    }, `${this.description} to take the action`);
  }
}

/** What a test does in the browser: navigate, find by role and name, wait, type, check accessibility. */
export class App {
  readonly page: Query;

  constructor(readonly driver: WebDriver, readonly engine: Engine) {
    this.page = new Query(this, 'the page', async () => [await this.driver.findElement({ css: 'body' })]);
  }

  async goto(path: string) {
    await this.driver.get(`${APP}${path}`);
  }

  /** Signs in as the demo purchaser through the backend's development route and opens `path`. */
  async signIn(path = '/products', user = 'asa.ostrom@contoso.se') {
    await this.goto(`/dev/sign-in?user=${encodeURIComponent(user)}&redirect=${encodeURIComponent(path)}`);
  }

  get(role: string, name?: Name): Query {
    return this.page.get(role, name);
  }

  withText(role: string, text: Name): Query {
    return this.page.withText(role, text);
  }

  labelled(label: string): Query {
    return this.page.labelled(label);
  }

  /** The current address's path and query. */
  async path(): Promise<string> {
    const url = new URL(await this.driver.getCurrentUrl());
    return url.pathname + url.search;
  }

  async waitForPath(expected: RegExp) {
    let path = '';
    await this.until(async () => expected.test((path = await this.path())), () => `the address to match ${expected} (was ${path})`);
  }

  /** Every element of `role` named `name` in `within`, as the accessibility tree has them (hidden ones left out). */
  async all(role: string, name: Name | undefined, within: WebElement): Promise<WebElement[]> {
    await this.injectQueries();
    const pattern = name instanceof RegExp ? [name.source, name.flags] : [name ?? null, null];
    return this.driver.executeScript('return window.__TL.byRole(...arguments);', within, role, ...pattern);
  }

  /** Presses keys in the focused element, one after another. */
  async press(...keys: string[]) {
    await this.driver.actions().sendKeys(...keys).perform();
  }

  /** Runs `body` inside the frame titled `title` (a hosted card field of the payments origin). */
  async inFrame<T>(title: string, body: () => Promise<T>): Promise<T> {
    const frame = await new Query(this, `frame titled ${title}`, () =>
      this.driver.executeScript('return [...document.querySelectorAll("iframe")].filter((f) => f.title === arguments[0])', title),
    ).element();
    await this.driver.switchTo().frame(frame);
    try {
      return await body();
    } finally {
      await this.driver.switchTo().defaultContent();
    }
  }

  /** Fails on any WCAG 2.1 A/AA violation axe-core finds in the page as it is now. */
  async expectAccessible() {
    await this.inject('axe', axeScript);
    const violations: string[] = await this.driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       axe.run(document, { iframes: false, runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
         .then((r) => done(r.violations.map((v) => v.id + ': ' + v.help + ' (' + v.nodes.map((n) => n.target.join(' ')).join(', ') + ')')))
         .catch((e) => done(['axe failed: ' + e]));`,
    );
    expect(violations).toEqual([]);
  }

  /** Polls `condition` until it holds; on timeout, says what was awaited and the last error seen meanwhile. */
  async until(condition: () => Promise<boolean>, what: string | (() => string), timeout = 10_000) {
    let lastError = '';
    try {
      await this.driver.wait(async () => {
        try {
          return await condition();
        } catch (error) {
          // An element replaced or not there yet: look again.
          if (error instanceof Error && /stale|no ?such ?element|detached|not ?interactable|intercepted|waited/i.test(error.name + error.message)) {
            lastError = error.message.split('\n')[0];
            return false;
          }
          throw error;
        }
      }, timeout);
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'TimeoutError') throw error;
      const awaited = typeof what === 'string' ? what : what();
      throw new Error(`waited ${timeout / 1000} s for ${awaited}${lastError ? ` (last: ${lastError})` : ''}`);
    }
  }

  async injectQueries() {
    await this.inject('__TL', queriesScript);
  }

  /** Puts `script` into the current page (or frame) unless `global` is there already. */
  private async inject(global: string, script: string) {
    const present = await this.driver.executeScript(`return typeof window[arguments[0]] !== 'undefined';`, global);
    if (!present) await this.driver.executeScript(script);
  }
}

export const test = base.extend<{ app: App }, { engine: Engine; driver: WebDriver }>({
  engine: ['firefox', { option: true, scope: 'worker' }],
  driver: [
    async ({ engine }, use) => {
      const session = await startSession(engine);
      try {
        await use(session.driver);
      } finally {
        await session.stop();
      }
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  app: async ({ driver, engine }, use, testInfo) => {
    await use(new App(driver, engine));
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('screenshot', { body: Buffer.from(await driver.takeScreenshot(), 'base64'), contentType: 'image/png' });
    }
    // The next test starts signed out, in English, on a blank page. (Tests end on the app's pages: its storage is
    // cleared there, where no other document of the origin is shown, which the CSP audit would see.)
    await driver.switchTo().defaultContent();
    await driver.executeScript('localStorage.clear(); sessionStorage.clear();');
    await driver.manage().deleteAllCookies();
    await driver.get('about:blank');
  },
});

export { expect, Key };
