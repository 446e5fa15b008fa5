import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AppConfig, ConfigModule } from '@satisflow/config';
import { AuditModule } from '@satisflow/audit';
import { EngineModule } from '@satisflow/engine';
import { IdentityModule } from '@satisflow/identity';
import { PersistenceModule } from '@satisflow/persistence';
import { ReportsModule } from '@satisflow/reports';
import { ReviewsModule } from '@satisflow/reviews';
import { SurveysModule } from '@satisflow/surveys';
import { PROCEDURES } from '@satisflow/workflows';
import { DemoOrganisation } from './demo/demo-organisation';
import { HealthController } from './health/health.controller';
import { ErrorBodyFilter } from './http/error-body.filter';
import { AssigneeFacts } from './procedures/assignee-facts';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), PersistenceModule, IdentityModule, AuditModule, EngineModule.forRoot(PROCEDURES), SurveysModule, ReportsModule, ReviewsModule],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: ErrorBodyFilter }, DemoOrganisation, AssigneeFacts],
    };
  }
}
