import { ApiProperty } from '@nestjs/swagger';
import { ForbiddenException, Injectable } from '@nestjs/common';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { AuthService } from './auth.service';
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

/**
 * Electronic signatures: an authenticated session is not enough to sign, the
 * signer proves presence by re-entering the password at the moment of signing.
 */
@Injectable()
export class SignatureVerifier {
  constructor(private readonly auth: AuthService) {}

  /** Returns the signature's meaning, or throws 403 when the password does not match. */
  async verify(actor: Actor, signature: SignatureDto | undefined): Promise<string> {
    if (!signature) throw new ForbiddenException('this step must be signed: send signature { password, meaning }');
    if (!(await this.auth.checkPassword(actor.id, signature.password))) {
      const message = 'signature rejected: the password does not match the signed-in user';
      // names the field, so a form can put the refusal on the password input
      throw new ForbiddenException({ message, details: [{ field: 'signature.password', rule: 'signature', message }] });
    }
    return signature.meaning;
  }
}
