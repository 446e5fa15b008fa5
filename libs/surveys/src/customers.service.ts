import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, Raw } from 'typeorm';
import { Clock } from '@satisflow/config';
import { says } from '@satisflow/http';
import { TransactionRunner } from '@satisflow/persistence';
import { fieldProblem } from '@satisflow/validation';
import { CustomerEntity } from './entities/customer.entity';
import { readRowsOrReject, rejectFile, RowProblem } from './import/row-errors';
import { CUSTOMER_FILE } from './survey-messages';

export interface CustomerInput {
  code: string;
  name: string;
  contact?: string | null;
  email?: string | null;
  phone?: string | null;
  fax?: string | null;
  productType?: string | null;
  region?: string | null;
  customerType?: string | null;
  site?: string | null;
}

type OptionalField = Exclude<keyof CustomerInput, 'code' | 'name'>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COLUMNS: Record<string, keyof CustomerInput> = {
  code: 'code', 客户编号: 'code', name: 'name', 客户名称: 'name', contact: 'contact', 联系人: 'contact',
  email: 'email', 邮箱: 'email', phone: 'phone', 电话: 'phone', fax: 'fax', 传真: 'fax',
  product_type: 'productType', 产品类型: 'productType', region: 'region', 区域: 'region',
  customer_type: 'customerType', 客户类型: 'customerType', site: 'site', 站点: 'site',
};
const LIMITS: Partial<Record<keyof CustomerInput, number>> = { code: 64, name: 200, contact: 100, email: 200, phone: 50, fax: 50, productType: 100, region: 100, customerType: 100, site: 100 };

/** Validates one customer; `line` 0 for API input. Pure, so the import and the form share it. */
export function customerProblems(c: CustomerInput, line: number): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const field of ['code', 'name'] as const) {
    if (!c[field]?.trim()) problems.push({ line, ...fieldProblem(field, 'required', `${field} is required`, `${field} 为必填项`) });
  }
  if (c.email && !EMAIL.test(c.email)) problems.push({ line, ...fieldProblem('email', 'isEmail', `${c.email} is not an e-mail address`, `${c.email} 不是有效的电子邮件地址`) });
  for (const [field, max] of Object.entries(LIMITS)) {
    const v = c[field as keyof CustomerInput];
    // characters as people count them (and as utf8mb4 columns do): an emoji is one, not two UTF-16 units
    if (typeof v === 'string' && [...v].length > max) problems.push({ line, ...fieldProblem(field, 'maxLength', `${field} is longer than ${max} characters`, `${field} 超过 ${max} 个字符`) });
  }
  return problems;
}

@Injectable()
export class CustomersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  list(q: { search?: string; productType?: string; region?: string; customerType?: string }) {
    const where = {
      ...(q.productType ? { productType: q.productType } : {}),
      ...(q.region ? { region: q.region } : {}),
      ...(q.customerType ? { customerType: q.customerType } : {}),
    };
    return this.ds.getRepository(CustomerEntity).find({
      where: q.search ? [{ ...where, name: contains(q.search) }, { ...where, code: contains(q.search) }] : where,
      order: { code: 'ASC' },
      take: 5000,
    });
  }

  async create(input: CustomerInput): Promise<CustomerEntity> {
    const problems = customerProblems(input, 0);
    if (problems.length) throw new BadRequestException({ ...says('invalid customer', '客户信息有误'), details: problems });
    const [saved] = await this.upsert([input]);
    return saved;
  }

  /**
   * All-or-nothing: any bad row rejects the whole file with its line numbers; existing
   * codes are updated in the columns the file has.
   */
  async import(file: Buffer): Promise<{ imported: number; created: number; updated: number }> {
    const rows = await readRowsOrReject(file, CUSTOMER_FILE);
    const problems: RowProblem[] = [];
    const seen = new Map<string, number>();
    const inputs = rows.map(({ line, values }) => {
      const c: CustomerInput = { code: '', name: '' };
      for (const [header, value] of Object.entries(values)) {
        const field = COLUMNS[header];
        if (field) (c as unknown as Record<string, string | null>)[field] = value === '' ? null : value;
      }
      problems.push(...customerProblems(c, line));
      if (c.code) {
        const other = seen.get(c.code);
        if (other) problems.push({ line, ...fieldProblem('code', 'unique', `code ${c.code} also on line ${other}`, `客户编号 ${c.code} 与第 ${other} 行重复`) });
        seen.set(c.code, line);
      }
      return c;
    });
    if (!rows.length) problems.push({ line: 1, ...fieldProblem('file', 'notEmpty', 'the file has a header but no customers', '文件只有表头，没有客户数据') });
    if (problems.length) rejectFile(problems, CUSTOMER_FILE);
    const existing = await this.ds.getRepository(CustomerEntity).count({ where: { code: In(inputs.map((c) => c.code)) } });
    await this.upsert(inputs);
    return { imported: inputs.length, created: inputs.length - existing, updated: existing };
  }

  private upsert(inputs: CustomerInput[]): Promise<CustomerEntity[]> {
    return this.tx.run(async (m) => {
      const repo = m.getRepository(CustomerEntity);
      const byCode = new Map((await repo.find({ where: { code: In(inputs.map((c) => c.code)) } })).map((c) => [c.code, c]));
      const now = this.clock.now();
      const saved: CustomerEntity[] = [];
      for (const chunk of chunks(inputs, 500)) {
        const entities = chunk.map((c) => {
          const current = byCode.get(c.code);
          // a column the file does not have keeps the stored value (a sheet of new names must not
          // erase e-mails and regions); a column it has with an empty cell clears it
          const field = (key: OptionalField) => (c[key] !== undefined ? (c[key] ?? null) : (current?.[key] ?? null));
          return repo.create({
            id: current?.id ?? randomUUID(),
            createdAt: current?.createdAt ?? now,
            code: c.code,
            name: c.name,
            contact: field('contact'),
            email: field('email'),
            phone: field('phone'),
            fax: field('fax'),
            productType: field('productType'),
            region: field('region'),
            customerType: field('customerType'),
            site: field('site'),
          });
        });
        saved.push(...(await repo.save(entities)));
      }
      return saved;
    });
  }
}

/** LIKE '%text%' with the text's own % and _ taken literally ('!' escapes on both dialects; a backslash would not). */
function contains(text: string) {
  const pattern = `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
  return Raw((column) => `${column} LIKE :pattern ESCAPE '!'`, { pattern });
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
