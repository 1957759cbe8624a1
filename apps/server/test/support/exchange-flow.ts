import { leaderPassphrase } from '@vanthu/test-kit/exchange-network';
import { nd30Pdf } from '../../../../libs/signing/test-fixtures/nd30-document';
import { type ApiClient, waitFor } from './api-client';

/** The demo accounts of an agency (`vpcp`, `huyen`, `eadrang`…) on a demo-world node. */
export interface DemoAccounts {
  readonly clerk: string;
  readonly leader: string;
  readonly drafter: string;
}

export const accountsOf = (prefix: string): DemoAccounts => ({
  clerk: `${prefix}.vanthu`,
  leader: `${prefix}.lanhdao`,
  drafter: `${prefix}.chuyenvien`,
});

/**
 * Drafts, reviews, approves, signs (leader, demo P12 passphrase from the network PKI) and issues a
 * công văn to `recipients` (agency codes): the issued entry.
 */
export async function issueDocument(
  api: ApiClient,
  pkiDir: string,
  who: DemoAccounts,
  recipients: readonly string[],
  subject: string,
) {
  const agency = await api.agencyOf(who.clerk);
  const users = await api.ok(who.leader, 'GET', `/api/v1/agencies/${agency}/users`);
  const leader = (users.items ?? users).find((u: { username: string }) => u.username === who.leader);
  const form = new FormData();
  form.append(
    'metadata',
    JSON.stringify({
      typeCode: 'CV',
      subject,
      signerUserId: leader.id,
      recipients: recipients.map((organId) => ({ kind: 'agency', organId })),
    }),
  );
  const pdf = await nd30Pdf({ signerName: leader.fullName });
  form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'cong-van.pdf');
  const base = `/api/v1/agencies/${agency}/outgoing`;
  const draft = await api.ok(who.drafter, 'POST', base, form);
  let version = draft.version as number;
  for (const [user, decision] of [
    [who.drafter, 'submit'],
    [who.leader, 'forward'],
    [who.leader, 'approve'],
  ])
    version = (await api.ok(user, 'POST', `${base}/${draft.id}/decisions`, { version, decision })).version;
  version = (
    await api.ok(who.leader, 'POST', `${base}/${draft.id}/sign`, {
      version,
      passphrase: leaderPassphrase(pkiDir, who.leader),
    })
  ).version;
  const issued = await api.ok(who.clerk, 'POST', `${base}/${draft.id}/issue`, { version });
  return { ...issued, agencyId: agency as string };
}

/** Waits for a document (by number and notation) in the inbox of the clerk's agency. */
export async function waitInInbox(api: ApiClient, clerk: string, numberNotation: string) {
  const agency = await api.agencyOf(clerk);
  const entry = await waitFor(`${numberNotation} in the inbox of ${clerk}`, async () => {
    const list = await api.ok(clerk, 'GET', `/api/v1/agencies/${agency}/incoming/inbox`);
    return (Array.isArray(list) ? list : list.items).find(
      (e: { numberNotation: string }) => e.numberNotation === numberNotation,
    );
  });
  return {
    ...(await api.ok(clerk, 'GET', `/api/v1/agencies/${agency}/entries/${entry.id}`)),
    agencyId: agency as string,
  };
}

/** Waits until the sender's delivery to `organId` satisfies `check`; returns that delivery. */
export async function waitDelivery(
  api: ApiClient,
  clerk: string,
  issued: { id: string; agencyId: string },
  organId: string,
  what: string,
  check: (delivery: { state: string; statusCode: string | null; statuses: { code: string }[] }) => boolean,
) {
  return waitFor(what, async () => {
    const entry = await api.ok(clerk, 'GET', `/api/v1/agencies/${issued.agencyId}/entries/${issued.id}`);
    const delivery = entry.deliveries.find(
      (d: { organId: string; business: string }) => d.organId === organId && d.business === 'new',
    );
    return delivery && check(delivery) ? delivery : undefined;
  });
}
