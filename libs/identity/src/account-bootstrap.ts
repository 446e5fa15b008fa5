import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '@satisflow/config';
import { isUniqueViolation } from '@satisflow/persistence';
import { ROLE_KEYS, ROLES } from './roles';
import { UsersService } from './users.service';

export const DEMO_PASSWORD = 'demo';

/**
 * First start: creates `admin` (password from ADMIN_PASSWORD, or generated and
 * printed once). With DEMO=1 also one user per role, named after the role.
 * Safe when several processes start together: usernames are unique.
 */
@Injectable()
export class AccountBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runsApi) return;
    if ((await this.users.count()) === 0) await this.createAdmin();
    if (this.config.DEMO) await this.createDemoUsers();
  }

  private async createAdmin(): Promise<void> {
    const password = this.config.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
    const created = await this.tryCreate('admin', ROLES.admin.zh, password, ['admin']);
    if (!created) return;
    if (this.config.ADMIN_PASSWORD) this.logger.log('created user admin with the password from ADMIN_PASSWORD');
    // Printed once, on the console only; it is never stored in clear anywhere.
    else process.stdout.write(`\n  First start: created user "admin" with password: ${password}\n  (shown once; change it after logging in)\n\n`);
  }

  private async createDemoUsers(): Promise<void> {
    for (const role of ROLE_KEYS) {
      if (role === 'admin' || (await this.users.findByUsername(role))) continue;
      await this.tryCreate(role, `${ROLES[role].zh} (demo)`, DEMO_PASSWORD, [role]);
    }
  }

  private async tryCreate(username: string, displayName: string, password: string, roles: (typeof ROLE_KEYS)[number][]) {
    try {
      await this.users.create({ username, displayName, password, roles: roles.map((role) => ({ role })) });
      return true;
    } catch (error) {
      if (isUniqueViolation(error) || (error as { status?: number }).status === 409) return false;
      throw error;
    }
  }
}
