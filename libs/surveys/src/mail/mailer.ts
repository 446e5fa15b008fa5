import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { In } from 'typeorm';
import { AppConfig, Clock } from '@satisflow/config';
import { OutboxProcessor } from '@satisflow/engine';
import { RecipientEntity } from '../entities/recipient.entity';
import { recipientOfInvitation } from './invitation-keys';

/**
 * Sends `email` outbox rows over SMTP_URL. Without SMTP the rows stay pending in
 * the outbox (retried, visible to admins), never lost; each row's Message-ID is
 * derived from the row so a resend after a crash is recognisable as the same message.
 * An invitation the server refuses for good (5xx, e.g. unknown mailbox) marks its
 * recipient `bounced` with the server's reply and is not retried; other failures
 * (connection, 4xx) are retried by the outbox.
 */
@Injectable()
export class Mailer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Mailer');
  private transport?: Transporter;

  constructor(
    private readonly config: AppConfig,
    private readonly outbox: OutboxProcessor,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    // Pooled: a fresh SMTP session per e-mail costs about 0.1 s, which makes a large dispatch take minutes.
    if (this.config.SMTP_URL) this.transport = createTransport({ url: this.config.SMTP_URL, pool: true });
    this.outbox.register('email', async (m, row) => {
      if (row.payload.type !== 'effect.email') throw new Error('not an e-mail effect');
      if (!this.transport) throw new Error('SMTP_URL is not set: the e-mail waits in the outbox');
      try {
        await this.transport.sendMail({
          from: 'Satisflow <no-reply@satisflow.local>',
          to: row.payload.to,
          subject: row.payload.subject,
          text: row.payload.text,
          messageId: `<${row.id}@satisflow.local>`,
        });
      } catch (error) {
        const recipientId = recipientOfInvitation(row.effectKey);
        if (!recipientId || !isPermanentRejection(error)) throw error;
        const reason = String((error as { response?: unknown }).response ?? (error as Error).message).slice(0, 500);
        await m.update(
          RecipientEntity,
          { id: recipientId, status: In(['invited', 'reminded', 'followed_up']) },
          { status: 'bounced', bouncedAt: this.clock.now(), bounceReason: reason },
        );
        this.logger.warn(`e-mail ${row.id} bounced: ${reason}`);
        return;
      }
      this.logger.log(`sent e-mail ${row.id}`);
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}

/** The SMTP server refused for good (5xx reply); retrying cannot help. */
function isPermanentRejection(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
