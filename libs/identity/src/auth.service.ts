import { Injectable, UnauthorizedException } from '@nestjs/common';
import { says } from '@satisflow/http';
import { JwtService } from '@nestjs/jwt';
import { AppConfig, Clock } from '@satisflow/config';
import { inactiveAccount, type TokenUser } from './account-checks';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import type { Actor } from './roles';
import { toActor, UsersService } from './users.service';
import { VerifiedTokens } from './verified-tokens';
import { SecurityLog } from './security-log/security-log';

export interface LoginResult {
  accessToken: string;
  expiresAt: string;
  user: Actor;
}

interface TokenClaims {
  sub: string;
  username: string;
}

// Compared against when the username is unknown, so a wrong username costs as
// much time as a wrong password and does not reveal which accounts exist.
const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8DPLKXt1FYlwYpQW4tvW7Pq1Ejh8nW';

@Injectable()
export class AuthService {
  private readonly verified = new VerifiedTokens<TokenUser>();

  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly throttle: LoginThrottle,
    private readonly securityLog: SecurityLog,
  ) {}

  /** `ip` is the client address: failures are counted per username and address (LoginThrottle). */
  async login(username: string, password: string, ip: string): Promise<LoginResult> {
    this.throttle.check(username, ip);
    const user = await this.users.findByUsername(username);
    const ok = await this.hasher.verify(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      const locked = this.throttle.failed(username, ip);
      await this.securityLog.failed('login', { username, userId: user?.id ?? null, ip }, !user ? 'unknownUser' : !ok ? 'wrongPassword' : 'disabled', locked);
      throw new UnauthorizedException(says('wrong username or password', '用户名或密码错误'));
    }
    this.throttle.succeeded(username, ip);
    const ttl = this.config.JWT_TTL_SECONDS;
    const claims: TokenClaims = { sub: user.id, username: user.username };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: ttl });
    return {
      accessToken,
      expiresAt: new Date(Date.now() + ttl * 1000).toISOString(),
      user: toActor(user),
    };
  }

  /** The current state of a token's user (roles may have changed since login); 401 when gone or disabled. */
  async activeActor(user: TokenUser): Promise<Actor> {
    const actor = await this.users.activeActor(user.id);
    if (!actor) throw inactiveAccount();
    return actor;
  }

  /** The subject of a server-signed, unexpired token; its account is not read here. */
  async verifyToken(token: string): Promise<TokenUser> {
    // jsonwebtoken checks expiry against Date.now(), so the cache does too
    const known = this.verified.get(token, Date.now());
    if (known) return known;
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims & { exp: number }>(token, { algorithms: ['HS256'] });
      const user = { id: claims.sub, username: claims.username };
      this.verified.set(token, user, claims.exp * 1000);
      return user;
    } catch {
      throw new UnauthorizedException(says('invalid or expired access token', '访问令牌无效或已过期'));
    }
  }

  /** Re-authentication for signed steps (21 CFR Part 11-style): the signer types the password again. */
  async checkPassword(userId: string, password: string): Promise<boolean> {
    const hash = await this.users.activePasswordHash(userId);
    return hash !== null && (await this.hasher.verify(password, hash));
  }

  get now(): Date {
    return this.clock.now();
  }
}
