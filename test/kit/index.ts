export { createTestDatabase, testServerUrl, type TestDatabase } from './test-database';
export { freePort } from './free-port';
