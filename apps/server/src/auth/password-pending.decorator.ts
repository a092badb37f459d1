import { SetMetadata } from '@nestjs/common';

export const ALLOW_PASSWORD_PENDING = 'taizhang:allow-password-pending';

/**
 * A route an account that must still change its one-time password may use (the password page
 * and API, the session itself, logout). Every other route sends it to change the password first.
 */
export const AllowPasswordPending = () => SetMetadata(ALLOW_PASSWORD_PENDING, true);
