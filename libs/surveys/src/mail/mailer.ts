import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '@satisflow/config';
import { OutboxProcessor } from '@satisflow/engine';

/**
 * Sends `email` outbox rows over SMTP_URL. Without SMTP the rows stay pending in
 * the outbox (retried, visible to admins), never lost; each row's Message-ID is
 * derived from the row so a resend after a crash is recognisable as the same message.
 */
@Injectable()
export class Mailer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Mailer');
  private transport?: Transporter;

  constructor(
    private readonly config: AppConfig,
    private readonly outbox: OutboxProcessor,
  ) {}

  onModuleInit(): void {
    // Pooled: a fresh SMTP session per e-mail costs about 0.1 s, which makes a large dispatch take minutes.
    if (this.config.SMTP_URL) this.transport = createTransport({ url: this.config.SMTP_URL, pool: true });
    this.outbox.register('email', async (_m, row) => {
      if (row.payload.type !== 'effect.email') throw new Error('not an e-mail effect');
      if (!this.transport) throw new Error('SMTP_URL is not set: the e-mail waits in the outbox');
      await this.transport.sendMail({
        from: 'Satisflow <no-reply@satisflow.local>',
        to: row.payload.to,
        subject: row.payload.subject,
        text: row.payload.text,
        messageId: `<${row.id}@satisflow.local>`,
      });
      this.logger.log(`sent e-mail ${row.id}`);
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
