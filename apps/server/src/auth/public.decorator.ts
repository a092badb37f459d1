import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'taizhang:public';

/** A route anyone may reach without a session (login page, health check). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
