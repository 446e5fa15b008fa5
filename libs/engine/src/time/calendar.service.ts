import { Injectable } from '@nestjs/common';
import { SettingsService } from '@satisflow/persistence';
import { CalendarConfig, DEFAULT_CALENDAR } from './business-calendar';

const KEY = 'calendar';

/** The company calendar, kept in settings so that every process counts working days alike. */
@Injectable()
export class CalendarService {
  private cached?: { value: CalendarConfig; at: number };

  constructor(private readonly settings: SettingsService) {}

  async get(): Promise<CalendarConfig> {
    if (this.cached && Date.now() - this.cached.at < 10_000) return this.cached.value;
    const value = { ...DEFAULT_CALENDAR, ...((await this.settings.get<Partial<CalendarConfig>>(KEY)) ?? {}) };
    this.cached = { value, at: Date.now() };
    return value;
  }

  async set(value: CalendarConfig): Promise<CalendarConfig> {
    await this.settings.set(KEY, value);
    this.cached = { value, at: Date.now() };
    return value;
  }
}
