import type { Page } from 'playwright-core';
import type { DemoApi } from './demo-api';
import { typedPdf } from './typed-pdf';
import { DISTRICT, EA_DRANG, EA_SOL } from './world';

export interface TourData {
  issuedId: string;
  approvedId: string;
  signedId: string;
  caseFileId: string;
}

/**
 * Fixed demo documents so every screen has something to show: two issued district documents (one
 * urgent), one waiting to be signed, one waiting to be issued, a draft, and a case file holding one.
 */
export async function seedTourData(api: DemoApi, passphrase: string): Promise<TourData> {
  const people = { ...DISTRICT, passphrase };
  // each document prints its own type's name and notation (a Kế hoạch says KH-UBND, not QĐ-UBND)
  const send = async (
    meta: { subject: string; typeCode: string; recipients: string[] },
    until?: 'approved' | 'signed' | 'issued',
  ) => api.sendOut(people, await typedPdf(meta.typeCode, meta.subject), meta, until);
  const issued = await send({
    subject: 'Về việc triển khai ứng dụng văn bản điện tử và chữ ký số trên địa bàn huyện',
    typeCode: 'CV',
    recipients: [EA_DRANG, EA_SOL],
  });
  await send({
    subject: 'Quyết định ban hành quy chế công tác văn thư, lưu trữ',
    typeCode: 'QD',
    recipients: [EA_DRANG],
  });
  const approved = await send(
    {
      subject: 'Kế hoạch kiểm tra công tác cải cách hành chính năm 2027',
      typeCode: 'KH',
      recipients: [EA_SOL],
    },
    'approved',
  );
  const signed = await send(
    { subject: 'Thông báo lịch tiếp công dân tháng 01/2027', typeCode: 'TB', recipients: [EA_DRANG] },
    'signed',
  );
  const report = 'Dự thảo báo cáo tổng kết công tác văn thư năm 2026';
  await api.draft(DISTRICT.drafter, DISTRICT.leader, await typedPdf('BC', report), {
    subject: report,
    typeCode: 'BC',
    recipients: [EA_DRANG],
  });
  const agencyId = await api.agencyOf(DISTRICT.clerk);
  const caseFile = await api.call<{ id: string }>(
    DISTRICT.clerk,
    'POST',
    `/api/v1/agencies/${agencyId}/case-files`,
    {
      code: '01.VP',
      title: 'Hồ sơ triển khai văn bản điện tử năm 2026',
      year: new Date().getFullYear(),
      keeper: 'Trần Thị Bình',
    },
  );
  await api.call(DISTRICT.clerk, 'POST', `/api/v1/agencies/${agencyId}/case-files/${caseFile.id}/entries`, {
    entryId: issued.id,
  });
  return { issuedId: issued.id, approvedId: approved.id, signedId: signed.id, caseFileId: caseFile.id };
}

export interface TourStop {
  name: string;
  path: (d: TourData) => string;
  /** Opens a dialog after the page loads. */
  open?: (page: Page) => Promise<void>;
}

const common: TourStop[] = [
  { name: 'ban-lam-viec', path: () => 'ban-lam-viec' },
  { name: 'van-ban-den', path: () => 'van-ban-den' },
  { name: 'van-ban-di', path: () => 'van-ban-di?tab=da-phat-hanh' },
  { name: 'xem-van-ban', path: (d) => `van-ban/${d.issuedId}` },
  { name: 'tra-cuu', path: () => 'tra-cuu?q=van+ban' },
  { name: 'ho-so', path: () => 'ho-so' },
  { name: 'ho-so-chi-tiet', path: (d) => `ho-so/${d.caseFileId}` },
];

/** Every screen each demo role can open (the menus offer these and no others). */
export const TOUR: Record<string, { username: string; stops: TourStop[] }> = {
  'van-thu': {
    username: 'huyen.vanthu',
    stops: [
      ...common,
      { name: 'vao-so', path: () => 'van-ban-den/vao-so' },
      { name: 'so-van-ban', path: () => 'so-van-ban' },
      { name: 'bao-cao', path: () => 'bao-cao' },
      { name: 'chung-thu-so', path: () => 'chung-thu-so' },
      {
        name: 'phat-hanh',
        path: (d) => `van-ban/${d.signedId}`,
        open: async (page) => {
          await page.getByRole('button', { name: 'Phát hành' }).click();
          await page.getByTestId('issue-number').waitFor();
        },
      },
    ],
  },
  'lanh-dao': {
    username: 'huyen.lanhdao',
    stops: [
      ...common,
      { name: 'du-thao-moi', path: () => 'van-ban-di/du-thao-moi' },
      { name: 'so-van-ban', path: () => 'so-van-ban' },
      { name: 'bao-cao', path: () => 'bao-cao' },
      {
        name: 'ky-so',
        path: (d) => `van-ban/${d.approvedId}`,
        open: async (page) => {
          await page.getByRole('button', { name: 'Ký số' }).click();
          await page.getByTestId('signature-box').waitFor();
        },
      },
    ],
  },
  'chuyen-vien': {
    username: 'huyen.chuyenvien',
    stops: [...common, { name: 'du-thao-moi', path: () => 'van-ban-di/du-thao-moi' }],
  },
  'quan-tri': {
    username: 'huyen.quantri',
    stops: [
      { name: 'ban-lam-viec', path: () => 'ban-lam-viec' },
      { name: 'nguoi-dung', path: () => 'quan-tri/nguoi-dung' },
      { name: 'don-vi', path: () => 'quan-tri/don-vi' },
      { name: 'danh-ba', path: () => 'quan-tri/danh-ba' },
      { name: 'nhat-ky', path: () => 'quan-tri/nhat-ky' },
      { name: 'chung-thu-so', path: () => 'chung-thu-so' },
      { name: 'bao-cao', path: () => 'bao-cao' },
      { name: 'so-van-ban', path: () => 'so-van-ban' },
    ],
  },
};

/** Waits until the screen has its heading and nothing is loading any more. */
export async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  // no request for 500 ms; on a loaded machine that can take long, and what matters next is that
  // nothing is still loading on the screen (the spinners below)
  await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 20_000 })
    .catch(() => undefined);
  // pdf.js pages: wait for the first canvas to be drawn
  if (await page.locator('.pdf-page canvas').count()) await page.waitForTimeout(300);
}

/**
 * Opens the stop's dialog, if it has one, and waits until its opening animation has ended (endless
 * ones, like a spinner, aside): axe measuring colours mid-fade reports contrast the finished screen
 * does not have.
 */
export async function openStop(page: Page, stop: TourStop): Promise<void> {
  if (!stop.open) return;
  await stop.open(page);
  // a function, not a string (the page's CSP forbids eval); typed here: the tests build without the DOM types
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: { getAnimations(): PageAnimation[] } }).document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}

/** The part of the DOM's Animation that openStop reads. */
interface PageAnimation {
  playState: string;
  effect: { getTiming(): { iterations?: number } } | null;
}
