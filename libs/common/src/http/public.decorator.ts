import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'hst:isPublic';

/** No token needed (register, login, public reads, health, metrics). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
