export { DemoModule } from './demo.module';
export { DEMO_CENTRAL_USERS, DEMO_USERS, type DemoUser } from './demo-users';
export { DEMO_NETWORK_PKI_WORLD, demoWorld, type DemoWorld } from './demo-world';
export { SeedDemoWorldUseCase, type DemoLogin, type SeedDemoWorldResult } from './seed-demo-world.use-case';
export { formatDemoLogins } from './format-demo-logins';
export { DemoPkiSeeder, type DemoPkiImportResult, type PreparedDemoPki } from './demo-pki-seeder';
export { DEMO_PKI_WORLD, type DemoPkiWorld } from './demo-pki-world';
