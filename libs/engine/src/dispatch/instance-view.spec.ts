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

  it('offers CANCEL, after the step outcomes, to the procedure cancellers of the scope, and nothing on an ended instance', () => {
    const quality = (scope?: string): Actor => ({ id: 'q', username: 'qa', displayName: 'qa', roles: [{ role: 'quality', ...(scope ? { scope } : {}) }] });
    const both: Actor = { ...desk(), roles: [...desk().roles, ...quality().roles] };
    expect(offered(received('siteA'), quality())).toEqual(['CANCEL']);
    expect(offered(received('siteA'), both)).toEqual(['DISPATCH', 'CANCEL']);
    expect(offered(received('siteB'), quality('siteA'))).toEqual([]);
    expect(offered(received(null), desk())).toEqual(['DISPATCH']); // the desk registers cases but does not withdraw them
    expect(offered({ ...received(null), status: 'cancelled', state: 'cancelled' }, quality())).toEqual([]);
  });
});
