import { ApiProperty } from '@nestjs/swagger';
import { ForbiddenException, Injectable } from '@nestjs/common';
import { says } from '@satisflow/http';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { SecurityLog } from './security-log/security-log';
import type { Actor } from './roles';

/** What a signer sends on a signed step: the password again, and what the signature means. */
export class SignatureDto {
  @ApiProperty({ description: "the signer's password, checked again" })
  @IsString() @MinLength(1) @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'approved', description: 'what this signature means, stored in the audit trail' })
  @IsString() @MinLength(1) @MaxLength(200)
  meaning: string;
}

/** The throttle's "address" for signatures: counted per signer wherever they sign from. */
const SIGNING = 'signature';

/**
 * Electronic signatures: an authenticated session is not enough to sign, the
 * signer proves presence by re-entering the password at the moment of signing.
 */
@Injectable()
export class SignatureVerifier {
  constructor(
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottle,
    private readonly securityLog: SecurityLog,
  ) {}

  /**
   * Returns the signature's meaning, or throws 403 when the password does not match;
   * a wrong password is recorded in the security log against the instance being signed.
   */
  async verify(actor: Actor, signature: SignatureDto | undefined, instanceId?: string): Promise<string> {
    if (!signature) throw new ForbiddenException(says('this step must be signed: send signature { password, meaning }', '此步骤须签名：请提供 signature { password, meaning }'));
    this.throttle.check(actor.id, SIGNING, 'signature.password');
    if (!(await this.auth.checkPassword(actor.id, signature.password))) {
      const locked = this.throttle.failed(actor.id, SIGNING);
      await this.securityLog.failed('signature', { username: actor.username, userId: actor.id, instanceId }, 'wrongPassword', locked);
      const { message } = says('signature rejected: the password does not match the signed-in user', '签名被拒绝：密码与当前登录用户不符');
      // names the field, so a form can put the refusal on the password input
      throw new ForbiddenException({ message, details: [{ field: 'signature.password', rule: 'signature', message }] });
    }
    this.throttle.succeeded(actor.id, SIGNING);
    return signature.meaning;
  }
}
