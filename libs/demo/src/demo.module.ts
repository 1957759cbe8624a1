import { Module } from '@nestjs/common';
import { DirectoryModule } from '@vanthu/directory';
import { IdentityModule } from '@vanthu/identity';
import { SeedDemoWorldUseCase } from './seed-demo-world.use-case';

@Module({
  imports: [DirectoryModule, IdentityModule],
  providers: [SeedDemoWorldUseCase],
  exports: [SeedDemoWorldUseCase],
})
export class DemoModule {}
