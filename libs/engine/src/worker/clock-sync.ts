import { Injectable } from '@nestjs/common';
import { AppConfig, Clock } from '@satisflow/config';
import { SettingsService } from '@satisflow/persistence';

const KEY = 'clock.offsetMs';

/**
 * With TEST_CLOCK on, the clock offset is kept in the database so that a
 * move made through one process (the API) is seen by the others (workers).
 */
@Injectable()
export class ClockSync {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
  ) {}

  async refresh(): Promise<void> {
    if (!this.config.TEST_CLOCK) return;
    this.clock.setOffset((await this.settings.get<number>(KEY)) ?? 0);
  }

  async advance(ms: number): Promise<number> {
    await this.refresh();
    const offset = this.clock.offset + ms;
    await this.settings.set(KEY, offset);
    this.clock.setOffset(offset);
    return offset;
  }
}
