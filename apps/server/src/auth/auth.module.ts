import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessService } from './access.service';
import { AccountSource } from './account-source';
import { AuthGuard } from './auth.guard';
import { AUTH_SETTINGS, AuthSettings } from './auth-settings';
import { LoginThrottle } from './login-throttle';
import { PasswordChangeService } from './password-change.service';
import { SessionController } from './session.controller';
import { SessionStore } from './session-store';
import { SignInPagesController } from './sign-in-pages.controller';
import { SignInService } from './sign-in.service';

/**
 * Sessions, CSRF, login throttling and the guard every route goes through. Global, so the API and
 * page modules inject SessionStore and AccessService without importing this module.
 */
@Module({})
export class AuthModule {
  static forRoot(settings: AuthSettings): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      controllers: [SessionController, SignInPagesController],
      providers: [
        { provide: AUTH_SETTINGS, useValue: settings },
        SessionStore,
        LoginThrottle,
        AccountSource,
        SignInService,
        PasswordChangeService,
        AccessService,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AUTH_SETTINGS, SessionStore, LoginThrottle, AccountSource, AccessService],
    };
  }
}
