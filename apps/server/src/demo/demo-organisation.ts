import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, Clock } from '@satisflow/config';
import { Dispatcher } from '@satisflow/engine';
import { DEMO_PASSWORD, toActor, UsersService, type Actor } from '@satisflow/identity';
import { CustomerEntity, CustomersService, ResponsesService, STANDARD_QUESTIONNAIRE, SURVEY_PROCEDURE, SurveyEntity, SurveysService } from '@satisflow/surveys';

const PRODUCTS = ['阀门', '泵', '压缩机'];
const REGIONS = ['华东', '华南', '华北', '西南'];
const COMPANIES = ['宏达机械', '华信精工', '东方动力', '明远化工', '瑞丰水务', '金桥建设', '天成制药', '恒通能源', '新源环保', '博远电气'];
const CITIES = ['上海', '广州', '北京', '成都'];

/** Last year's questionnaire: the standard one the console's builder starts from, so this year's has items to compare with. */
const QUESTIONNAIRE: Omit<Parameters<SurveysService['create']>[0], 'instanceId' | 'title'> = { ...STANDARD_QUESTIONNAIRE, satisfiedThreshold: '4', targetReturnRate: 80 };

/** A fixed pseudo-random sequence (LCG), so every demo database holds the same answers. */
function sequence(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/**
 * DEMO=1 (api.md): besides one user per role, a demo organisation to try the product
 * on: 40 customers with product types, regions and customer types, and last year's
 * annual survey run through the real procedure to its end (plan approved with
 * signatures, answers collected, report reviewed, approved and distributed), so this
 * year's survey has one to compare against. Loaded once, into a database that has no
 * customers and no surveys yet; its records carry today's times, as the trail must.
 */
@Injectable()
export class DemoOrganisation implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly customers: CustomersService,
    private readonly surveys: SurveysService,
    private readonly responses: ResponsesService,
    private readonly dispatcher: Dispatcher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DEMO || !this.config.DEMO_DATA || !this.config.runsApi) return;
    if ((await this.ds.getRepository(CustomerEntity).count()) > 0 || (await this.ds.getRepository(SurveyEntity).count()) > 0) return;
    await this.loadCustomers();
    const year = this.clock.now().getUTCFullYear() - 1;
    await this.runPreviousSurvey(year);
    this.logger.log(`demo organisation loaded: 40 customers and the ${year} survey, completed`);
  }

  private async loadCustomers(): Promise<void> {
    for (let i = 0; i < 40; i++) {
      const n = String(i + 1).padStart(3, '0');
      await this.customers.create({
        code: `C${n}`,
        name: `${CITIES[i % 4]}${COMPANIES[i % 10]}${i >= 10 ? `${Math.floor(i / 10) + 1}厂` : ''}有限公司`,
        contact: `联系人${n}`,
        email: i % 8 === 7 ? null : `c${n}@example.com`,
        phone: `021-6000${n}`,
        productType: PRODUCTS[i % 3],
        region: REGIONS[i % 4],
        customerType: i % 5 === 0 ? '重点客户' : '一般客户',
      });
    }
  }

  private async runPreviousSurvey(year: number): Promise<void> {
    const as = async (role: string): Promise<Actor> => toActor((await this.users.findByUsername(role))!);
    const [manager, approver, coordinator, rep] = await Promise.all(['survey_manager', 'approver', 'coordinator', 'management_rep'].map(as));
    const sign = (meaning: string) => ({ signature: { password: DEMO_PASSWORD, meaning } });
    const title = `${year} 年度客户满意度调查`;

    const plan = await this.dispatcher.start({ procedure: SURVEY_PROCEDURE, title }, manager);
    const survey = await this.surveys.create({ instanceId: plan.id, title, period: `${year}年度`, ...QUESTIONNAIRE }, manager);
    // manual channels: the demo sends no e-mail to its made-up addresses
    const recipients = await this.surveys.sample(survey.id, { channel: 'phone' });
    await this.dispatcher.send(plan.id, {
      type: 'SUBMIT',
      data: { plan: { period: `${year}年度`, sample: { population: '客户服务档案', size: recipients.length }, channels: ['phone'], survey: survey.id, targetReturnRate: 80 } },
    }, manager);
    await this.dispatcher.send(plan.id, { type: 'APPROVE', ...sign('批准 / approved') }, approver);
    await this.surveys.dispatch(survey.id, coordinator, 'http://localhost');

    // 34 of 40 answer (85.0 %); price and response are the weak points
    const next = sequence(year);
    const level = (mean: number) => Math.max(1, Math.min(5, Math.round(mean + (next() - 0.5) * 2.2)));
    const means: Record<string, number> = { reliability: 4.2, performance: 4.0, appearance: 4.3, response: 3.5, attitude: 4.1, onTime: 3.9, value: 3.2, overall: 3.9 };
    for (const r of recipients.slice(0, 34)) {
      const answers = Object.fromEntries(Object.entries(means).map(([item, mean]) => [item, level(mean)]));
      await this.responses.enter(survey.id, { recipientId: r.id, channel: 'phone', answers, ...(next() < 0.2 ? { comment: '希望缩短报价和售后响应时间' } : {}) }, coordinator);
    }
    await this.dispatcher.send(plan.id, { type: 'CLOSE_COLLECTION' }, coordinator);
    await this.dispatcher.send(plan.id, {
      type: 'SUBMIT',
      data: {
        conclusions: ['总体满意度处于“基本满意”，价格与响应速度得分最低 / overall fairly satisfied; price and response time score lowest'],
        proposals: ['报价 24 小时内答复 / answer quotations within 24 hours', '售后工程师按区域值班 / regional on-call service engineers'],
        findings: [{ title: '售后响应慢 / slow after-sales response', detail: '华南、西南客户反映较多', productQuality: false, important: false }],
      },
    }, coordinator);
    await this.dispatcher.send(plan.id, { type: 'APPROVE', ...sign('审核通过 / reviewed') }, manager);
    await this.dispatcher.send(plan.id, { type: 'APPROVE', ...sign('批准 / approved') }, approver);
    await this.dispatcher.send(plan.id, { type: 'ACKNOWLEDGE' }, rep);
  }
}
