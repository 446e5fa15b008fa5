import { ConsoleLogger, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@satisflow/config';
import { AppModule } from './app.module';
import { bodyParseErrors, checkBody } from './http/body-checks';
import { createValidationPipe } from './http/validation';

/**
 * Builds the fully configured application; main.ts and the e2e tests share it,
 * so tests exercise exactly what production runs.
 */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const logger = new ConsoleLogger({ json: config.LOG_FORMAT === 'json', logLevels: config.logLevels, colors: false });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger,
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: config.BODY_LIMIT_BYTES });
  app.useBodyParser('urlencoded', { limit: config.BODY_LIMIT_BYTES, extended: false });
  app.useBodyParser('text', { limit: config.BODY_LIMIT_BYTES, type: ['text/csv', 'text/plain'] });
  app.use(bodyParseErrors, checkBody);
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.setGlobalPrefix('api/v1', { exclude: ['r/:token'] });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('Satisflow API')
    .setDescription('ISO 9001 customer-satisfaction procedures as durable, audited workflows')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs-json',
  });
  return app;
}
