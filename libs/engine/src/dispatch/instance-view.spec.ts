import type { Actor } from '@satisflow/identity';
import { customerComplaint } from '@satisflow/workflows';
import type { InstanceEntity } from '../entities';
import { buildInstanceView } from './instance-view';

const at = new Date('2026-12-03T02:00:00Z');
const desk = (scope?: string): Actor => ({ id: 'd', username: 'desk', displayName: 'desk', roles: [{ role: 'complaint_desk', ...(scope ? { scope } : {}) }] });

function received(scope: string | null): InstanceEntity {
  return {
    id: 'i-1',
    procedureKey: customerComplaint.key,
    procedureVersion: customerComplaint.version,
    title: 'leak',
    state: 'received',
    status: 'active',
    revision: 1,
    snapshot: { value: 'received', context: { scope } },
    stepActors: {},
    parentId: null,
    parentKey: null,
    childCount: 0,
    auditHead: '',
    createdBy: null,
    createdAt: at,
    updatedAt: at,
  };
}

describe('buildInstanceView: what a person is offered', () => {
  const offered = (instance: InstanceEntity, actor: Actor) => buildInstanceView(customerComplaint, instance, actor, at, { tasks: [], children: [] }).availableEvents;

  it('offers a scoped user only the instances of their own unit, as the events route allows', () => {
    expect(offered(received('siteB'), desk('siteA'))).toEqual([]);
    expect(offered(received('siteA'), desk('siteA'))).toEqual(['DISPATCH']);
    expect(offered(received('siteB'), desk())).toEqual(['DISPATCH']);
    expect(offered(received(null), desk('siteA'))).toEqual(['DISPATCH']);
  });

  it('lets the procedure cancellers of the scope cancel, beside the step outcomes, and nobody an ended instance', () => {
    const quality = (scope?: string): Actor => ({ id: 'q', username: 'qa', displayName: 'qa', roles: [{ role: 'quality', ...(scope ? { scope } : {}) }] });
    const both: Actor = { ...desk(), roles: [...desk().roles, ...quality().roles] };
    const view = (instance: InstanceEntity, actor: Actor) => {
      const v = buildInstanceView(customerComplaint, instance, actor, at, { tasks: [], children: [] });
      return [v.availableEvents, v.canCancel];
    };
    expect(view(received('siteA'), quality())).toEqual([[], true]);
    expect(view(received('siteA'), both)).toEqual([['DISPATCH'], true]);
    expect(view(received('siteB'), quality('siteA'))).toEqual([[], false]);
    expect(view(received(null), desk())).toEqual([['DISPATCH'], false]); // the desk registers cases but does not withdraw them
    expect(view({ ...received(null), status: 'cancelled', state: 'cancelled' }, quality())).toEqual([[], false]);
  });
});
