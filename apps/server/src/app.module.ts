import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig, ConfigModule } from '@satisflow/config';
import { AuditModule } from '@satisflow/audit';
import { EngineModule } from '@satisflow/engine';
import { IdentityModule } from '@satisflow/identity';
import { PersistenceModule } from '@satisflow/persistence';
import { ReportsModule } from '@satisflow/reports';
import { SurveysModule } from '@satisflow/surveys';
import { PROCEDURES } from '@satisflow/workflows';
import { HealthController } from './health/health.controller';
import { ErrorBodyFilter } from './http/error-body.filter';
import { MediaTypeMiddleware } from './http/media-type.middleware';
import { RequestLogMiddleware } from './http/request-log.middleware';

/** Every path except /api, /api/… and /r/… (the respondent form). */
const CONSOLE_PATHS = /^\/(?!(?:api|r)(?:\/|$)).*/;

/**
 * The built web console (`npm run build:console` → <repo>/dist/console), found from
 * the compiled server (dist/apps/server/src) or the sources (apps/server/src, tests).
 * Absent (unit tests, server-only builds): no static serving, nothing fails.
 */
function consoleModules(): DynamicModule[] {
  const root = [resolve(__dirname, '../../../../dist/console'), resolve(__dirname, '../../../dist/console')].find((dir) =>
    existsSync(join(dir, 'index.html')),
  );
  if (!root) return [];
  // API, OpenAPI docs and the public respondent form stay with Nest; every other GET gets the SPA's
  // index.html. The API is kept out by the render path, not by `exclude`: serve-static 5 turns any
  // error on an excluded route into 404, which would hide body-parser's 400 (bad JSON) and 413.
  return [ServeStaticModule.forRoot({ rootPath: root, renderPath: CONSOLE_PATHS, serveStaticOptions: { index: 'index.html', maxAge: 0 } })];
}

@Module({})
export class AppModule implements NestModule {
  constructor(private readonly config: AppConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    // the request log writes at level `log`; below it, timing requests would be for nothing
    const log = this.config.logLevels.includes('log') ? [RequestLogMiddleware] : [];
    consumer.apply(...log, MediaTypeMiddleware).forRoutes('*path');
  }

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), PersistenceModule, IdentityModule, AuditModule, EngineModule.forRoot(PROCEDURES), SurveysModule, ReportsModule, ...consoleModules()],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: ErrorBodyFilter }],
    };
  }
}
