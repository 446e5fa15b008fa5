import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SettingEntity } from './settings.entity';

/** Small key/value store shared by every process on the same database. */
@Injectable()
export class SettingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get<T>(key: string): Promise<T | undefined> {
    const row = await this.dataSource.getRepository(SettingEntity).findOneBy({ key });
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  async set<T>(key: string, value: T): Promise<void> {
    await this.dataSource
      .getRepository(SettingEntity)
      .upsert({ key, value: JSON.stringify(value), updatedAt: new Date() }, ['key']);
  }

  /**
   * Returns the stored value, or stores `create()`'s result if there is none.
   * Safe when several processes start at once: the first insert wins and
   * everyone reads the winner.
   */
  async getOrCreate<T>(key: string, create: () => T): Promise<T> {
    const existing = await this.get<T>(key);
    if (existing !== undefined) return existing;
    try {
      await this.dataSource
        .getRepository(SettingEntity)
        .insert({ key, value: JSON.stringify(create()), updatedAt: new Date() });
    } catch {
      // another process inserted first; fall through and read its value
    }
    const stored = await this.get<T>(key);
    if (stored === undefined) throw new Error(`setting ${key} could not be stored`);
    return stored;
  }
}
