import { Module } from '@nestjs/common';
import { CertificatesModule } from '@vanthu/certificates';
import { DirectoryModule } from '@vanthu/directory';
import { IdentityModule } from '@vanthu/identity';
import { DemoPkiSeeder } from './demo-pki-seeder';
import { SeedDemoWorldUseCase } from './seed-demo-world.use-case';

@Module({
  imports: [DirectoryModule, IdentityModule, CertificatesModule],
  providers: [SeedDemoWorldUseCase, DemoPkiSeeder],
  exports: [SeedDemoWorldUseCase, DemoPkiSeeder],
})
export class DemoModule {}
