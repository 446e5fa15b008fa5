import type { Actor } from '@satisflow/identity';
import { cancellerRole, cancelRefusal } from './cancellation';

const person = (role: Actor['roles'][number]['role'], scope?: string): Actor => ({
  id: 'u',
  username: 'u',
  displayName: 'u',
  roles: [{ role, ...(scope ? { scope } : {}) }],
});

describe('cancelRefusal', () => {
  const ok = { cancellers: ['quality', 'process_owner'] as const, comment: 'duplicate of case 17', signed: true };

  it('lets a canceller with a reason and a signature cancel, in the role that allows it', () => {
    expect(cancelRefusal({ ...ok, cancellers: [...ok.cancellers], actor: person('process_owner') })).toBeNull();
    expect(cancellerRole(person('process_owner'), [...ok.cancellers], undefined)).toBe('process_owner');
  });

  it('refuses other roles (403, naming who may), the system, and a canceller of another scope', () => {
    const desk = cancelRefusal({ ...ok, cancellers: [...ok.cancellers], actor: person('complaint_desk') });
    expect(desk?.status).toBe(403);
    expect(desk?.message.en).toBe('only the quality department (quality) or the process owner (process_owner) may cancel this instance');
    expect(cancelRefusal({ ...ok, cancellers: [...ok.cancellers], actor: undefined })?.status).toBe(403);
    expect(cancelRefusal({ ...ok, cancellers: [...ok.cancellers], actor: person('quality', 'siteA'), scope: 'siteB' })?.message.en).toContain('of scope siteB');
    expect(cancelRefusal({ ...ok, cancellers: [...ok.cancellers], actor: person('quality', 'siteA'), scope: 'siteA' })).toBeNull();
  });

  it('says a procedure without cancellers cannot be cancelled at all', () => {
    expect(cancelRefusal({ ...ok, cancellers: [], actor: person('quality') })).toMatchObject({ status: 422, message: { en: 'this procedure cannot be cancelled' } });
  });

  it('needs a reason and then a signature, naming the field (422)', () => {
    const noReason = cancelRefusal({ ...ok, cancellers: [...ok.cancellers], actor: person('quality'), comment: '  ' });
    expect(noReason).toMatchObject({ status: 422, details: [{ field: 'comment', rule: 'requiredForCANCEL' }] });
    const unsigned = cancelRefusal({ ...ok, cancellers: [...ok.cancellers], actor: person('quality'), signed: false });
    expect(unsigned).toMatchObject({ status: 422, details: [{ field: 'signature', rule: 'requiredForCANCEL' }] });
  });
});
