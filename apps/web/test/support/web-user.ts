import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './built-server';

/** What went wrong in the page that no assertion looked at: script errors and CSP violations. */
export interface PageProblems {
  errors: string[];
}

/** One person in their own browser context (own cookies), logged in through the login page. */
export class WebUser {
  private constructor(
    readonly username: string,
    readonly context: BrowserContext,
    readonly page: Page,
    readonly problems: PageProblems,
  ) {}

  static async open(browser: Browser, baseURL: string, username?: string): Promise<WebUser> {
    const context = await browser.newContext({
      baseURL,
      viewport: { width: 1366, height: 768 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      acceptDownloads: true,
    });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const problems: PageProblems = { errors: [] };
    page.on('pageerror', (e) => problems.errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // 401 of /auth/me before login and the 4xx a test provokes are expected; CSP never is
      if (m.type() === 'error' && !/status of (401|403|404|409|422|400|429)/.test(m.text()))
        problems.errors.push(m.text());
    });
    const user = new WebUser(username ?? 'khach', context, page, problems);
    if (username) await user.login();
    return user;
  }

  async login(password = DEMO_PASSWORD): Promise<void> {
    await this.page.goto('/dang-nhap');
    await this.page.getByLabel('Tên đăng nhập').fill(this.username);
    await this.page.getByLabel('Mật khẩu').fill(password);
    await this.page.getByRole('button', { name: 'Đăng nhập' }).click();
    await this.page.waitForURL(/\/ban-lam-viec$/);
  }

  /** The agency part of the address the app chose after login (/co-quan/<id>/…). */
  agencyPath(): string {
    const m = new URL(this.page.url()).pathname.match(/^\/co-quan\/[^/]+/);
    if (!m) throw new Error(`not inside an agency: ${this.page.url()}`);
    return m[0];
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(`${this.agencyPath()}/${path}`);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
