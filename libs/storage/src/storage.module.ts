import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { createObjectStorage } from './create-object-storage';
import { ObjectStorage } from './object-storage';

@Injectable()
class StorageShutdown implements OnApplicationShutdown {
  constructor(@Inject(ObjectStorage) private readonly storage: ObjectStorage) {}

  async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
  }
}

/** The configured ObjectStorage adapter, initialised at boot so a bad root or bucket fails the start. */
@Global()
@Module({
  providers: [
    {
      provide: ObjectStorage,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const storage = createObjectStorage(config.storage);
        await storage.init();
        return storage;
      },
    },
    StorageShutdown,
  ],
  exports: [ObjectStorage],
})
export class StorageModule {}
