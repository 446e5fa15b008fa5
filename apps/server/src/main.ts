import 'reflect-metadata';
import { ConfigError, loadConfig } from '@satisflow/config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  if (process.argv.includes('--demo')) config.DEMO = true;
  const app = await createApp(config);
  if (!config.runsApi) {
    await app.init(); // a worker serves no HTTP; it only runs timers and the outbox
    return;
  }
  await app.listen(config.PORT, '0.0.0.0');
  process.stdout.write(`Satisflow is listening on http://localhost:${config.PORT}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Satisflow failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
