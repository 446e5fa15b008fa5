import { NotFoundException } from '@nestjs/common';
import { says } from '@satisflow/http';
import { setup } from 'xstate';
import type { ProcedureDefinition } from './definitions/procedure-definition';
import { ProcedureRegistry } from './procedure-registry';

function version(v: number, extraState = false): ProcedureDefinition {
  const machine = setup({}).createMachine({
    id: 'demo',
    initial: 'draft',
    states: {
      draft: { meta: { title: { zh: '起草', en: 'Draft' }, role: 'coordinator', outcomes: ['SUBMIT'] }, on: { SUBMIT: extraState ? 'check' : 'done' } },
      ...(extraState ? { check: { meta: { title: { zh: '检查', en: 'Check' }, role: 'quality', outcomes: ['OK'] }, on: { OK: 'done' } } } : {}),
      done: { type: 'final' },
    },
  });
  return { key: 'demo', version: v, title: { zh: '示例', en: 'Demo' }, purpose: { zh: '', en: '' }, roles: ['coordinator'], machine };
}

describe('ProcedureRegistry', () => {
  it('starts new instances on the latest version and keeps every version for running ones', () => {
    const registry = new ProcedureRegistry([version(1), version(2, true)]);
    expect(registry.latest('demo').version).toBe(2);
    expect(registry.get('demo', 1).machine.root.states.check).toBeUndefined();
    expect(registry.get('demo', 2).machine.root.states.check).toBeDefined();
    expect(registry.all().map((d) => d.version)).toEqual([2]);
  });

  it('refuses a duplicate version and an invalid definition at start-up', () => {
    expect(() => new ProcedureRegistry([version(1), version(1)])).toThrow('defined twice');
    const broken = version(3);
    delete (broken.machine.root.states.draft.meta as { role?: string }).role;
    expect(() => new ProcedureRegistry([broken])).toThrow(/state "draft".*meta.role/);
  });

  it('answers 404 for an unknown procedure or version', () => {
    const registry = new ProcedureRegistry([version(1)]);
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return { status: (error as NotFoundException).getStatus(), body: (error as NotFoundException).getResponse() };
      }
      return undefined;
    };
    expect(refusal(() => registry.latest('nope'))).toEqual({ status: 404, body: says('no procedure nope', '没有程序 nope') });
    expect(refusal(() => registry.get('demo', 9))).toEqual({ status: 404, body: says('no procedure demo v9', '没有程序 demo 第 9 版') });
  });
});
