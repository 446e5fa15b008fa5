import { Injectable } from '@nestjs/common';
import { AppConfig } from '@satisflow/config';
import * as bcrypt from 'bcryptjs';

/** bcrypt in plain JavaScript: installs from the registry with no native build. */
@Injectable()
export class PasswordHasher {
  constructor(private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.config.BCRYPT_ROUNDS);
  }

  verify(password: string, hash: string): Promise<boolean> {
    return bcrypt.compare(password, hash);
  }
}
