import { nd30Pdf } from '../../../../libs/signing/test-fixtures/nd30-document';
import { type DemoTemplate, type RunningServer, sharedDemoTemplate, startFromTemplate } from './built-server';
import { launchChromium, type LaunchedBrowser } from './chromium';
import { DemoApi } from './demo-api';
import { WebUser } from './web-user';

export const DISTRICT = { drafter: 'huyen.chuyenvien', leader: 'huyen.lanhdao', clerk: 'huyen.vanthu' };
export const EA_DRANG = '000.01.12.H15';
export const EA_SOL = '000.03.12.H15';

/**
 * One spec file's world: the demo template and Chromium once; for each test a server started from a
 * fresh copy of the template (`fresh()`), so no test sees another's documents.
 */
export class WebWorld {
  template!: DemoTemplate;
  chromium!: LaunchedBrowser;
  server!: RunningServer;
  api!: DemoApi;
  private users: WebUser[] = [];
  /** No server yet, or the last one was an isolated test's. */
  private dirty = true;

  async setUp(): Promise<void> {
    [this.template, this.chromium] = await Promise.all([sharedDemoTemplate(), launchChromium()]);
  }

  async fresh(): Promise<void> {
    await this.endTest();
    this.server = await startFromTemplate(this.template);
    this.api = new DemoApi(this.server.url);
  }

  /**
   * For a test that does not need the demo world untouched: the server the previous shared test
   * used, with its documents (a server start is 5–10 s of a browser test); a new one after an
   * isolated test or at the start of the file. Users of the previous test are logged out.
   */
  async shared(): Promise<void> {
    if (this.dirty) {
      await this.fresh();
      this.dirty = false;
      return;
    }
    for (const u of this.users) await u.close();
    this.users = [];
  }

  /** For a test that leaves the server unusable for others (a locked address or key): its own. */
  async isolated(): Promise<void> {
    await this.fresh();
    this.dirty = true;
  }

  async user(username?: string): Promise<WebUser> {
    const u = await WebUser.open(this.chromium.browser, this.server.url, username);
    this.users.push(u);
    return u;
  }

  passphrase(leader: string): string {
    return this.template.passphrases[leader];
  }

  /** A district document issued to Ea Drăng and Ea Sol through the API. */
  async issueFromDistrict(
    subject: string,
    until: 'approved' | 'signed' | 'issued' = 'issued',
    typeCode = 'CV',
  ) {
    return this.api.sendOut(
      { ...DISTRICT, passphrase: this.passphrase(DISTRICT.leader) },
      await nd30Pdf({ signerName: 'Nguyễn Văn An' }),
      { subject, typeCode, recipients: [EA_DRANG, EA_SOL] },
      until,
    );
  }

  /** Every page problem (script error, CSP violation) seen by this test's users. */
  problems(): string[] {
    return this.users.flatMap((u) => u.problems.errors.map((e) => `${u.username}: ${e}`));
  }

  async endTest(): Promise<void> {
    for (const u of this.users) await u.close();
    this.users = [];
    await this.server?.stop();
  }

  async tearDown(): Promise<void> {
    await this.endTest();
    await this.chromium?.close();
    this.template?.remove();
  }
}
