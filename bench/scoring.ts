import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@satisflow/config';
import { Dispatcher } from '@satisflow/engine';
import { toActor, UsersService } from '@satisflow/identity';
import { renderReportPdf, reportLayout, ReportsService } from '@satisflow/reports';
import { ResponsesService, ResultsService, SurveysService } from '@satisflow/surveys';
import { createApp } from '../apps/server/src/create-app';
import { BENCH_QUESTIONNAIRE, fillAnswers, respondentsFor } from './scoring-data';

type Add = (name: string, value: number, unit: string) => void;
interface Target {
  dialect: 'sqlite' | 'mariadb';
  env(): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }>;
}

/**
 * Scores one survey at 100,000 and then (full run) at 1,000,000 answers,
 * bulk-loaded and then the tallies rebuilt from the answers, and renders the
 * analysis report PDF at 100,000. Each result figure is the median of three
 * calls. `--quick` stops at 100,000: loading a million answers alone takes
 * longer than the quick run's budget.
 */
export async function scoringBench(target: Target, add: Add, options: { quick: boolean; withReport: boolean }): Promise<void> {
  const { env, cleanup } = await target.env();
  const app = await createApp(loadConfig({ ...env, ROLE: 'api', DEMO: '1', DEMO_DATA: '0', BCRYPT_ROUNDS: '4', LOG_LEVEL: 'silent', ADMIN_PASSWORD: 'bench-password' }));
  await app.init();
  try {
    const manager = toActor((await app.get(UsersService).findByUsername('survey_manager'))!);
    const plan = await app.get(Dispatcher).start({ procedure: 'annual-satisfaction-survey', title: 'scoring bench' }, manager);
    const survey = await app.get(SurveysService).create({ instanceId: plan.id, title: 'bench', ...BENCH_QUESTIONNAIRE } as never, manager);
    const ds = app.get<DataSource>(getDataSourceToken());
    const results = app.get(ResultsService);
    let loaded = 0;
    const sizes = [['100k', 100_000], ['1M', 1_000_000]] as const;
    for (const [label, answers] of options.quick ? sizes.slice(0, 1) : sizes) {
      const t0 = performance.now();
      await fillAnswers(ds, survey.id, loaded, respondentsFor(answers));
      loaded = respondentsFor(answers);
      add(`scoring.${target.dialect}.load.answers${label}.ms`, performance.now() - t0, 'ms');
      const t1 = performance.now();
      await app.get(ResponsesService).recount(survey.id);
      add(`scoring.${target.dialect}.recount.answers${label}.ms`, performance.now() - t1, 'ms');
      const r = await medianMs(() => results.results(survey.id));
      if (r.value.overall.index === null) throw new Error('scoring produced no index');
      add(`scoring.${target.dialect}.answers${label}.ms`, r.ms, 'ms');
      if (options.withReport && label === '100k') {
        const reports = app.get(ReportsService);
        const pdf = await medianMs(async () => renderReportPdf(reportLayout(await reports.report(survey.id), 'zh', null)));
        if (pdf.value.length < 1000) throw new Error('the report PDF is empty');
        add('report.pdf.answers100k.ms', pdf.ms, 'ms');
      }
    }
  } finally {
    await app.close();
    await cleanup();
  }
}

async function medianMs<T>(op: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const runs: number[] = [];
  let value!: T;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    value = await op();
    runs.push(performance.now() - t0);
  }
  return { ms: runs.sort((a, b) => a - b)[1], value };
}
