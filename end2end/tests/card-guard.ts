import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { hostedField, PAYMENTS_ORIGIN } from './helpers';

/**
 * Card numbers and security codes are typed only into the payments origin's hosted fields. Every test that types
 * one does it through `card.type`, and after the test this fixture checks that none of them reached the app: no
 * request to the app's origin (the portal API, its pages) carried one in its URL or body, no console message held
 * one, and the app's page holds none in its DOM (text, attributes, form values), URL, localStorage,
 * sessionStorage, IndexedDB, Cache Storage or cookies. It also fails a test in which the app's code threw (an
 * uncaught error in the page, such as a panic of the wasm): every spec of the `e2e` and `resilience` projects
 * takes its `test` from here.
 */
export class CardGuard {
  private readonly secrets: string[] = [];
  private readonly requests: { url: string; body: string; frame: string }[] = [];
  private readonly console: string[] = [];
  private readonly pageErrors: string[] = [];

  constructor(private readonly page: Page) {
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    page.on('request', (request) => {
      let frame = '';
      try {
        frame = request.frame().url();
      } catch {
        frame = 'service worker';
      }
      this.requests.push({ url: request.url(), body: request.postData() ?? '', frame });
    });
    page.on('console', (message) => this.console.push(message.text()));
  }

  /** Types `value` into the hosted field `label` in `scope`, and remembers it as a secret. */
  async type(scope: Page | Locator, label: string, value: string): Promise<Locator> {
    this.remember(value);
    const field = hostedField(scope, label);
    await field.fill(value);
    return field;
  }

  /** Remembers a value typed some other way (the keyboard). */
  remember(value: string) {
    const secret = value.replace(/[ -]/g, '');
    if (secret) this.secrets.push(secret);
  }

  /** Requests to the payments origin's tokenize endpoint, as sent by the hosted fields. */
  tokenizeRequests() {
    return this.requests.filter((r) => r.url === `${PAYMENTS_ORIGIN}/v1/tokens`);
  }

  /** Whether `text` holds one of the secrets: a number's digits (spaces and dashes between them ignored), or a
   * security code as a value of its own (quoted, an element's text, a form value or a query parameter; amounts
   * such as 1,737.00 are not one). */
  private leaks(text: string): string | undefined {
    const digits = text.replace(/[ -]/g, '');
    return this.secrets.find((secret) =>
      secret.length > 4 ? digits.includes(secret) : new RegExp(`(^|["'>=:\\s])${secret}(["'<&\\s]|$)`, 'm').test(text),
    );
  }

  async verify() {
    expect(this.pageErrors, 'errors thrown in the page').toEqual([]);
    if (this.secrets.length === 0) return;
    const app = new URL(this.page.url()).origin;
    const toApp = this.requests.filter((r) => new URL(r.url).origin === app || r.frame.startsWith(app));
    const leaked = toApp.filter((r) => this.leaks(decodeURIComponent(r.url)) || this.leaks(r.body));
    expect(leaked.map((r) => r.url), 'requests of the app carrying card data').toEqual([]);
    expect(toApp.length, 'the check saw the app talk').toBeGreaterThan(0);
    expect(this.console.filter((line) => this.leaks(line)), 'console messages with card data').toEqual([]);
    const held = await this.page.evaluate(async () => {
      const values = [...document.querySelectorAll('input, textarea, select')].map((e) => (e as HTMLInputElement).value);
      const databases = (await indexedDB.databases()).map((d) => d.name ?? '');
      return {
        dom: document.documentElement.outerHTML,
        values: values.join('\n'),
        url: location.href,
        storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
        cookies: document.cookie,
        databases: databases.join('\n'),
        caches: (await caches.keys()).join('\n'),
      };
    });
    for (const [where, text] of Object.entries(held)) {
      expect(this.leaks(text), `card data in the app's ${where}`).toBeUndefined();
    }
    // The fields that held them belong to another origin, which the app's page cannot read.
    for (const frame of this.page.frames().filter((f) => f !== this.page.mainFrame())) {
      expect(new URL(frame.url()).origin).not.toBe(app);
    }
  }
}

export const test = base.extend<{ card: CardGuard }>({
  card: [
    async ({ page }, use) => {
      const guard = new CardGuard(page);
      await use(guard);
      await guard.verify();
    },
    { auto: true },
  ],
});

export { expect };
