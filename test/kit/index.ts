export { createTestDatabase, testServerUrl, type TestDatabase } from './test-database';
export { freePort } from './free-port';
export { ApiSessions } from './api-sessions';
export {
  insertAgency,
  insertDistrictAndCommunes,
  insertUnit,
  insertUser,
  TEST_PASSWORD,
  type AgencyRow,
} from './factories';
export { startS3TestServer, type S3TestServer } from './s3-test-server';
export {
  getTestPki,
  type TestPki,
  type TestPkiPerson,
  type TestPkiOrganisation,
  type TestPkiKeyFile,
} from './test-pki';
export { startTsaServer, type TsaServer, type TsaBehaviour } from './tsa-server';
export { recordStatements } from './statement-recorder';
export { listStoredObjects } from './stored-objects';
