import { inputErrors } from './inputErrors';

describe('inputErrors', () => {
  it('puts a refused signature on the password input', () => {
    expect(inputErrors([{ field: 'signature.password', rule: 'signature', message: 'signature rejected' }])).toEqual([{ name: 'password', message: 'event.wrongPassword' }]);
  });

  it('leaves every other refusal to the alert above the form', () => {
    expect(inputErrors([])).toEqual([]);
    expect(inputErrors([{ field: 'comment', rule: 'required' }, { line: 2, message: 'bad line' }])).toEqual([]);
  });
});
