import { RegistryModule } from '@hst/registry';
import { Module } from '@nestjs/common';

/** The registry's jobs: the end of each public notice, and the sweep that finds notices Redis lost. */
@Module({ imports: [RegistryModule], providers: [] })
export class RegistryJobsModule {}
