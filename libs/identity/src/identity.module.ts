import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createSecretKey, randomBytes } from 'node:crypto';
import { AppConfig } from '@satisflow/config';
import { SettingsService } from '@satisflow/persistence';
import { AccountBootstrap } from './account-bootstrap';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthGuard } from './guards/auth.guard';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { PeopleController } from './people.controller';
import { SignatureVerifier } from './signatures';
import { SecurityEventEntity } from './security-log/security-event.entity';
import { SecurityEventsController } from './security-log/security-events.controller';
import { SecurityLog } from './security-log/security-log';
import { UserRoleEntity } from './user-role.entity';
import { UserEntity } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, UserRoleEntity, SecurityEventEntity]),
    JwtModule.registerAsync({
      inject: [AppConfig, SettingsService],
      // Without JWT_SECRET, a secret is generated once and kept in the database,
      // so every process sharing it accepts the same tokens across restarts.
      // A KeyObject, because jsonwebtoken first tries a string as a PEM public key
      // (and throws) on every verify: that cost 8 % of the server's CPU under load.
      useFactory: async (config: AppConfig, settings: SettingsService) => ({
        secret: createSecretKey(
          Buffer.from(config.JWT_SECRET ?? (await settings.getOrCreate('jwt.secret', () => randomBytes(48).toString('base64url')))),
        ),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController, UsersController, PeopleController, SecurityEventsController],
  providers: [
    UsersService,
    AuthService,
    PasswordHasher,
    LoginThrottle,
    SignatureVerifier,
    SecurityLog,
    AccountBootstrap,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [UsersService, AuthService, SignatureVerifier],
})
export class IdentityModule {}
