import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { AppConfig, Clock } from '@satisflow/config';
import { says } from '@satisflow/http';

interface Failures {
  count: number;
  until: number;
}

/** Entries kept before expired ones are swept, so a flood of usernames cannot grow memory forever. */
const SWEEP_AT = 10_000;

/**
 * Brute-force brake on passwords: after LOGIN_MAX_FAILURES wrong passwords for one
 * username from one client address within the window, that pair gets 429 until the
 * window ends, even with the right password. Signatures use it too (their own count,
 * keyed by the signer), so a stolen session cannot guess the password at a signed step. Only failures count (@nestjs/throttler
 * counts every request), so scripts and demos that log in often are never slowed.
 * Time is the engine clock (wall time in production; tests move it instead of waiting).
 * Kept per process: with several API processes the brake is per process.
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Throws 429 (with the seconds to wait, naming `field`) while this username+address is blocked. */
  check(username: string, ip: string, field: 'username' | 'signature.password' = 'username'): void {
    const entry = this.live(this.key(username, ip));
    if (entry && entry.count >= this.config.LOGIN_MAX_FAILURES) {
      const retryAfter = Math.ceil((entry.until - this.now()) / 1000);
      const what = field === 'username' ? says('logins', '登录') : says('signatures', '签名');
      throw new HttpException(
        {
          ...says(`too many failed ${what.message.en} for this username; try again in ${retryAfter} s`, `该用户${what.message.zh}失败次数过多，请 ${retryAfter} 秒后重试`),
          details: [{ field, rule: 'throttled', ...says(`retry after ${retryAfter} s`, `${retryAfter} 秒后重试`) }],
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  /** Counts a failure; true when it is the one that braked this username+address. */
  failed(username: string, ip: string): boolean {
    const key = this.key(username, ip);
    const entry = this.live(key) ?? { count: 0, until: this.now() + this.config.LOGIN_FAILURE_WINDOW_SECONDS * 1000 };
    entry.count += 1;
    this.failures.set(key, entry);
    if (this.failures.size > SWEEP_AT) this.sweep();
    return entry.count === this.config.LOGIN_MAX_FAILURES;
  }

  succeeded(username: string, ip: string): void {
    this.failures.delete(this.key(username, ip));
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  private key(username: string, ip: string): string {
    return `${username.toLowerCase()}\u0000${ip}`;
  }

  private live(key: string): Failures | undefined {
    const entry = this.failures.get(key);
    if (entry && entry.until <= this.now()) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.failures) if (entry.until <= now) this.failures.delete(key);
  }
}
