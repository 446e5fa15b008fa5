import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { AuditVerifier } from '@satisflow/audit';
import { loadConfig } from '@satisflow/config';
import { Dispatcher } from '@satisflow/engine';
import { toActor, UsersService } from '@satisflow/identity';
import { PackCompiler } from '@satisflow/reviews';
import { createApp } from '../apps/server/src/create-app';
import { fillAuditTrail } from './audit-data';
import { floorMysql, floorSqlite } from './floor';
import { httpBench } from './http-bench';
import { describeMachine } from './machine';
import { peerBpmnMysql } from './peer-bpmn';
import { scoringBench } from './scoring';
import { Figure, Meter } from './measure';

const quick = process.argv.includes('--quick');
/** `--only engine.sqlite` runs just the benchmarks whose figure names start with that prefix. */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const wanted = (prefix: string) => !only || prefix.startsWith(only) || only.startsWith(prefix);
const MYSQL = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
const DURATION = quick ? 2000 : 8000;
const CONCURRENCY = (process.argv.find((a) => a.startsWith('--concurrency='))?.slice(14).split(',').map(Number)) ?? [1, 4, 16];
const PLAN = { plan: { period: '2026', sample: { size: 40 }, channels: ['email'], survey: 'bench', targetReturnRate: 80 } };
const figures: Figure[] = [];
const add = (name: string, value: number, unit: string) => {
  if (Number.isNaN(value)) return; // not measurable here (MariaDB's CPU when it runs elsewhere)
  figures.push({ name, value: Math.round(value * 100) / 100, unit });
  process.stdout.write(`  ${name.padEnd(44)} ${figures.at(-1)!.value.toString().padStart(12)} ${unit}\n`);
};

interface Target {
  dialect: 'sqlite' | 'mariadb';
  env(): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }>;
}

const sqlite: Target = {
  dialect: 'sqlite',
  async env() {
    const dir = mkdtempSync(join(tmpdir(), 'satisflow-bench-'));
    return { env: { DATABASE_PATH: join(dir, 'bench.sqlite') }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

const mariadb: Target = {
  dialect: 'mariadb',
  async env() {
    const url = new URL(MYSQL);
    const name = `sf_bench_${process.pid}_${Date.now()}`;
    const admin = await createConnection({ host: url.hostname, port: Number(url.port || 3306), user: url.username, password: url.password });
    await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4`);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      cleanup: async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        await admin.end();
      },
    };
  },
};

/** Rounds the engine and its floor take turns in, per concurrency. */
const ROUNDS = quick ? 2 : 4;

async function engineBench(target: Target): Promise<void> {
  for (const k of CONCURRENCY) {
    const { env, cleanup } = await target.env();
    const app = await createApp(loadConfig({ ...env, ROLE: 'api', DEMO: '1', DEMO_DATA: '0', BCRYPT_ROUNDS: '4', LOG_LEVEL: 'silent', ADMIN_PASSWORD: 'bench-password' }));
    await app.init();
    const users = app.get(UsersService);
    const manager = toActor((await users.findByUsername('survey_manager'))!);
    const approver = toActor((await users.findByUsername('approver'))!);
    const dispatcher = app.get(Dispatcher);
    const instances = await Promise.all(Array.from({ length: k }, (_, i) => dispatcher.start({ procedure: 'annual-satisfaction-survey', title: `bench ${i}` }, manager)));
    const revisions = instances.map((i) => i.revision);
    // the plan's approve/reject loop: SUBMIT by the survey manager, REJECT with a reason by the approver
    const engine = new Meter(k, async (w) => {
      const submit = revisions[w] % 2 === 1;
      const view = await dispatcher.send(
        instances[w].id,
        submit ? { type: 'SUBMIT', expectedRevision: revisions[w], data: PLAN } : { type: 'REJECT', expectedRevision: revisions[w], comment: 'rework' },
        submit ? manager : approver,
      );
      revisions[w] = view.revision;
    });
    const floor = target.dialect === 'sqlite' ? floorSqlite(`${env.DATABASE_PATH}.floor`, k) : await floorMysql(env.DATABASE_URL, k);
    const floorMeter = new Meter(k, floor.op);
    await engine.warmUp(DURATION / ROUNDS / 2);
    await floorMeter.warmUp(DURATION / ROUNDS / 2);
    for (let round = 0; round < ROUNDS; round++) {
      await engine.round(DURATION / ROUNDS);
      await floorMeter.round(DURATION / ROUNDS);
    }
    await floor.close();
    await app.close();
    const [result, base] = [engine.result(), floorMeter.result()];
    add(`engine.${target.dialect}.c${k}.transitionsPerSec`, result.perSec, '1/s');
    add(`engine.${target.dialect}.c${k}.p50Ms`, result.p50Ms, 'ms');
    add(`engine.${target.dialect}.c${k}.p99Ms`, result.p99Ms, 'ms');
    add(`floor.${target.dialect}.c${k}.transitionsPerSec`, base.perSec, '1/s');
    add(`floor.${target.dialect}.c${k}.p99Ms`, base.p99Ms, 'ms');
    add(`ratio.${target.dialect}.c${k}.engineToFloor`, result.perSec / base.perSec, 'x');
    await cleanup();
  }
}

/** A two-step approval started and finished: the management review (SUBMIT the pack, APPROVE signed). */
async function instancesBench(target: Target, k: number): Promise<void> {
  const { env, cleanup } = await target.env();
  const app = await createApp(loadConfig({ ...env, ROLE: 'api', DEMO: '1', DEMO_DATA: '0', BCRYPT_ROUNDS: '4', LOG_LEVEL: 'silent', ADMIN_PASSWORD: 'bench-password' }));
  await app.init();
  const users = app.get(UsersService);
  const quality = toActor((await users.findByUsername('quality'))!);
  const manager = toActor((await users.findByUsername('general_manager'))!);
  const dispatcher = app.get(Dispatcher);
  const packs = app.get(PackCompiler);
  // the bench records nothing the pack counts, so one compilation stays the server's for every SUBMIT
  const pack = await packs.compile(await packs.period('2026'));
  const engine = new Meter(k, async () => {
    const started = await dispatcher.start({ procedure: 'management-review', title: 'bench review' }, quality);
    const submitted = await dispatcher.send(started.id, { type: 'SUBMIT', expectedRevision: started.revision, data: { pack } }, quality);
    const done = await dispatcher.send(
      started.id,
      { type: 'APPROVE', expectedRevision: submitted.revision, signature: { password: 'demo', meaning: 'approved' } },
      manager,
    );
    if (done.status !== 'completed') throw new Error(`management review ended ${done.status} in ${done.state}`);
  });
  // the peer takes turns with the engine, as the floor does, so both meet the machine's slow and fast moments
  const peer = target.dialect === 'mariadb' ? await peerBpmnMysql(env.DATABASE_URL, k) : undefined;
  const peerMeter = peer && new Meter(k, peer.op);
  await engine.warmUp(DURATION / ROUNDS / 2);
  await peerMeter?.warmUp(DURATION / ROUNDS / 2);
  for (let round = 0; round < ROUNDS; round++) {
    await engine.round(DURATION / ROUNDS);
    await peerMeter?.round(DURATION / ROUNDS);
  }
  await peer?.close();
  await app.close();
  const result = engine.result();
  add(`engine.${target.dialect}.c${k}.instancesPerSec`, result.perSec, '1/s');
  if (peerMeter) {
    const base = peerMeter.result();
    add(`peer.bpmnEngine.${target.dialect}.c${k}.instancesPerSec`, base.perSec, '1/s');
    add(`ratio.${target.dialect}.c${k}.engineToBpmnEngine`, result.perSec / base.perSec, 'x');
  }
  await cleanup();
}

async function httpBenchOn(target: Target, k: number): Promise<void> {
  const { env, cleanup } = await target.env();
  const result = await httpBench(env, k, DURATION, PLAN);
  add(`http.${target.dialect}.c${k}.transitionsPerSec`, result.perSec, '1/s');
  add(`http.${target.dialect}.c${k}.p50Ms`, result.p50Ms, 'ms');
  add(`http.${target.dialect}.c${k}.p99Ms`, result.p99Ms, 'ms');
  // CPU per request by process: what the two cores spend on one event, and on one of the floor's
  add(`http.${target.dialect}.c${k}.serverMainThreadCpuMs`, result.cpu.serverMainThread, 'ms');
  add(`http.${target.dialect}.c${k}.serverCpuMs`, result.cpu.server, 'ms');
  add(`http.${target.dialect}.c${k}.mariadbCpuMs`, result.cpu.mariadb, 'ms');
  add(`http.${target.dialect}.c${k}.loadGeneratorCpuMs`, result.cpu.loadGenerator, 'ms');
  add(`floor.http.${target.dialect}.c${k}.transitionsPerSec`, result.floor.perSec, '1/s');
  add(`floor.http.${target.dialect}.c${k}.serverCpuMs`, result.floor.cpu.server, 'ms');
  add(`floor.http.${target.dialect}.c${k}.mariadbCpuMs`, result.floor.cpu.mariadb, 'ms');
  add(`floor.http.${target.dialect}.c${k}.loadGeneratorCpuMs`, result.floor.cpu.loadGenerator, 'ms');
  add(`ratio.http.${target.dialect}.c${k}.engineToFloor`, result.perSec / result.floor.perSec, 'x');
  add(`server.rssMb`, result.serverRssMb, 'MB');
  await cleanup();
}

/** The whole trail recomputed (on MariaDB, as a server would run it): chains of 100 records per instance. */
async function auditBench(target: Target): Promise<void> {
  const records = quick ? 100_000 : 1_000_000;
  const label = quick ? '100k' : '1M';
  const { env, cleanup } = await target.env();
  const app = await createApp(loadConfig({ ...env, ROLE: 'api', BCRYPT_ROUNDS: '4', LOG_LEVEL: 'silent', ADMIN_PASSWORD: 'bench-password' }));
  await app.init();
  const t0 = performance.now();
  await fillAuditTrail(app.get<DataSource>(getDataSourceToken()), records);
  add(`audit.load.records${label}.ms`, performance.now() - t0, 'ms');
  const heapBefore = process.memoryUsage().heapUsed;
  const t1 = performance.now();
  const result = await app.get(AuditVerifier).verify();
  add(`audit.verify.records${label}.ms`, performance.now() - t1, 'ms');
  add(`audit.verify.heapGrowthMb`, (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20, 'MB');
  if (!result.ok || result.checked !== records) throw new Error(`audit verify of the bench trail failed: ${JSON.stringify(result)}`);
  await app.close();
  await cleanup();
}

async function main(): Promise<void> {
  const machine = describeMachine();
  process.stdout.write(
    `Satisflow benchmarks${quick ? ' (quick)' : ''}: ${machine.cores} cores, node ${machine.node}, a system call ${machine.systemCallNs} ns\n`,
  );
  for (const target of [sqlite, mariadb]) {
    if (wanted(`engine.${target.dialect}`)) await engineBench(target);
    if (wanted(`scoring.${target.dialect}`)) await scoringBench(target, add, { quick, withReport: target.dialect === 'sqlite' });
  }
  if (wanted('peer.bpmnEngine')) await instancesBench(mariadb, 16);
  if (wanted('http.mariadb')) await httpBenchOn(mariadb, 16);
  if (wanted('audit.verify')) await auditBench(mariadb);
  add('process.rssMb', process.memoryUsage().rss / 1024 / 1024, 'MB');
  if (only) return; // a partial run (profiling) never replaces the recorded figures
  mkdirSync(join(__dirname, '../../results'), { recursive: true });
  writeFileSync(
    join(__dirname, '../../results/latest.json'),
    JSON.stringify({ figures, machine: { ...machine, quick, at: new Date().toISOString() } }, null, 2),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
