import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@satisflow/config';
import { dataSourceOptions } from './data-source-options';
import { SettingEntity } from './settings.entity';
import { SettingsService } from './settings.service';
import { TransactionRunner } from './transaction-runner';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config), autoLoadEntities: true }),
    }),
    TypeOrmModule.forFeature([SettingEntity]),
  ],
  providers: [TransactionRunner, SettingsService],
  exports: [TransactionRunner, SettingsService],
})
export class PersistenceModule {}
