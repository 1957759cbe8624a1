import { DEMO_CENTRAL_CODE, DEMO_DISTRICT_CODE, demoCommuneCode } from '@vanthu/directory';
import { agencyOf, CENTRAL_NODE, Cluster, demoPeople, DISTRICT_NODE, inbox, issueDocument, ok, waitFor } from '@vanthu/test-kit/cluster';
import { nd30Pdf } from '../../libs/signing/test-fixtures/nd30-document';

jest.setTimeout(900_000);
it('node to node with the kit', async () => {
  const t0 = Date.now();
  const cluster = await Cluster.start({
    plan: {
      installations: [
        { name: DISTRICT_NODE, role: 'node', title: 'x', world: 'district', identityAgencies: [DEMO_DISTRICT_CODE], routes: { '*': CENTRAL_NODE } },
        { name: CENTRAL_NODE, role: 'node', title: 'y', world: 'central', identityAgencies: [DEMO_CENTRAL_CODE], routes: { [DEMO_DISTRICT_CODE]: DISTRICT_NODE } },
      ],
      links: [{ from: DISTRICT_NODE, to: CENTRAL_NODE, mode: 'push' }],
    },
  });
  console.log('started in', Date.now() - t0);
  try {
    const central = cluster.get(CENTRAL_NODE);
    const district = cluster.get(DISTRICT_NODE);
    const VPCP = demoPeople('vpcp');
    const g22 = await agencyOf(central, VPCP.clerk);
    const leader = await ok(central, VPCP.leader, 'get', '/api/v1/auth/me');
    const t1 = Date.now();
    const issued = await issueDocument(central, g22, VPCP, cluster.signingPassphrase(VPCP.leader), {
      subject: 'Thử', recipients: [demoCommuneCode(1)], pdf: await nd30Pdf({ signerName: leader.fullName }),
    });
    console.log('issued in', Date.now() - t1, issued.numberNotation);
    const commune = await agencyOf(district, 'eadrang.vanthu');
    const arrived = await waitFor('arrival', async () => (await inbox(district, 'eadrang.vanthu', commune)).find((e) => e.numberNotation === issued.numberNotation));
    console.log('arrived', Date.now() - t1, arrived.id);
    await waitFor('01', async () => (await ok(central, VPCP.clerk, 'get', `/api/v1/agencies/${g22}/entries/${issued.id}`)).deliveries[0].statusCode === '01');
    console.log('01 at', Date.now() - t1);
  } finally {
    for (const i of cluster.all()) require('fs').writeFileSync(`/tmp/nw/${i.name}.log`, i.log());
    await cluster.stop();
  }
});
