import { bodyProblem } from './body-checks';

describe('bodyProblem', () => {
  const deep = (levels: number): unknown => {
    let v: unknown = 'leaf';
    for (let i = 0; i < levels; i++) v = { a: v };
    return v;
  };

  it('passes an ordinary body', () => {
    expect(bodyProblem({ type: 'SUBMIT', data: { plan: { channels: ['email', 'phone'], sample: { size: 40 } } } }, 32)).toBeUndefined();
  });

  it('names a lone surrogate by its path, through objects and arrays', () => {
    expect(bodyProblem({ data: { rows: ['ok', { name: 'x\uD800' }] } }, 32)).toEqual({
      field: 'data.rows.1.name',
      rule: 'unicode',
      message: 'data.rows.1.name is not well-formed Unicode (lone surrogate)',
    });
    expect(bodyProblem({ comment: '\uDC00' }, 32)?.field).toBe('comment');
    expect(bodyProblem('\uD800', 32)?.field).toBe('body');
  });

  it('accepts a surrogate pair (an emoji) and names a bad field name by its parent', () => {
    expect(bodyProblem({ comment: '满意 😀' }, 32)).toBeUndefined();
    expect(bodyProblem({ data: { ['k\uD800']: 1 } }, 32)).toEqual({ field: 'data.k\uD800', rule: 'unicode', message: 'a field name in data is not well-formed Unicode' });
    expect(bodyProblem({ ['\uDC00']: 1 }, 32)?.message).toBe('a field name in body is not well-formed Unicode');
  });

  it('refuses nesting deeper than the limit, and only then', () => {
    expect(bodyProblem(deep(3), 3)).toBeUndefined();
    expect(bodyProblem({ a: { a: { a: { a: {} } } } }, 3)).toEqual({ field: 'a.a.a', rule: 'maxDepth', message: 'the body may be nested at most 3 levels deep' });
    expect(bodyProblem(deep(100_000), 32)?.rule).toBe('maxDepth'); // iterative: no stack overflow
  });
});
