import { Module } from '@nestjs/common';

/** License applications and licenses (授权许可). Never imports trading: trading orchestrates it. */
@Module({ imports: [], providers: [], exports: [] })
export class LicensingModule {}
