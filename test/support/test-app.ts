import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { loadConfig } from '@satisflow/config';
import { createApp } from '../../apps/server/src/create-app';
import { createTestDatabase, TestDatabase } from './test-database';

export const ADMIN_PASSWORD = 'admin-password-1';

/**
 * The whole server, as main.ts builds it, on a fresh database of the run's
 * dialect, with the demo organisation loaded. Fast bcrypt keeps logins cheap.
 */
export interface TestApp {
  app: INestApplication;
  db: TestDatabase;
  http: ReturnType<typeof request>;
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** Initialises an app from createApp and gives supertest its server (Fastify's once ready, as listen() would). */
export async function serve(app: INestApplication): Promise<ReturnType<typeof request>> {
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return request(app.getHttpServer());
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({
    ADMIN_PASSWORD,
    DEMO: '1',
    // the demo users only: each suite builds the customers and surveys it counts on
    DEMO_DATA: '0',
    BCRYPT_ROUNDS: '4',
    LOG_LEVEL: 'silent',
    TEST_CLOCK: '1',
    ...db.env,
    ...env,
  });
  const app = await createApp(config);
  const http = await serve(app);
  const tokens = new Map<string, string>();
  return {
    app,
    db,
    http,
    async login(username, password) {
      // one session per user: a login with an explicit password also serves later calls without one
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await http
        .post('/api/v1/auth/login')
        .send({ username, password: password ?? (username === 'admin' ? ADMIN_PASSWORD : 'demo') })
        .expect(200);
      tokens.set(username, res.body.accessToken);
      return res.body.accessToken as string;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
