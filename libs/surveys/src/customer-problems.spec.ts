import { customerProblems } from './customers.service';

describe('customerProblems', () => {
  it('counts characters as people do: 150 emoji are 150, not 300, under the 200 allowed', () => {
    expect(customerProblems({ code: 'C1', name: '😀'.repeat(150) }, 2)).toEqual([]);
    expect(customerProblems({ code: 'C1', name: '😀'.repeat(201) }, 2)).toEqual([expect.objectContaining({ line: 2, field: 'name', rule: 'maxLength' })]);
  });
});
