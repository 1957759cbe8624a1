export { DemoModule } from './demo.module';
export { DEMO_USERS, type DemoUser } from './demo-users';
export { SeedDemoWorldUseCase, type DemoLogin, type SeedDemoWorldResult } from './seed-demo-world.use-case';
export { formatDemoLogins } from './format-demo-logins';
export { DemoPkiSeeder, type DemoPkiImportResult, type PreparedDemoPki } from './demo-pki-seeder';
export { DEMO_PKI_WORLD, type DemoPkiWorld } from './demo-pki-world';
