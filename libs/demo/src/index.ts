export { DemoModule } from './demo.module';
export { DEMO_USERS, type DemoUser } from './demo-users';
export { SeedDemoWorldUseCase, type DemoLogin, type SeedDemoWorldResult } from './seed-demo-world.use-case';
export { formatDemoLogins } from './format-demo-logins';
