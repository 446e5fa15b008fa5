import { inputErrors, inputName } from './inputErrors';

describe('inputName: where a field the API names sits in the event dialog', () => {
  it("maps data fields onto the form's flat inputs, list entries by index", () => {
    expect(inputName('data.handler')).toEqual(['handler']);
    expect(inputName('data.dueDate')).toEqual(['dueDate']);
    expect(inputName('data.plan.targetReturnRate')).toEqual(['targetReturnRate']);
    expect(inputName('data.findings[0].productQuality')).toEqual(['findings', 0, 'productQuality']);
  });

  it('puts the pack on its preview and its period on the period typed in', () => {
    expect(inputName('data.pack')).toEqual(['pack']);
    expect(inputName('data.pack.surveys')).toEqual(['pack']);
    expect(inputName('data.pack.period')).toEqual(['period']);
  });

  it("knows the dialog's own inputs, and nothing outside data", () => {
    expect(inputName('signature.password')).toEqual(['password']);
    expect(inputName('comment')).toEqual(['comment']);
    expect(inputName('expectedRevision')).toBeUndefined();
  });
});

describe('inputErrors', () => {
  it('puts a refused signature on the password input', () => {
    expect(inputErrors([{ field: 'signature.password', rule: 'signature', message: 'signature rejected' }], ['comment', 'password'], 'zh')).toEqual({
      onInputs: [{ name: ['password'], message: '密码不正确，未能签名，请重新输入' }],
      rest: [],
    });
  });

  it("says each refused field on its input in the console's words, not the API's codes", () => {
    const details = [
      { field: 'data.handler', rule: 'invalid', message: 'data.handler is not valid for DISPATCH' },
      { field: 'data.customer', rule: 'required', message: 'data.customer is required to DISPATCH' },
    ];
    const { onInputs, rest } = inputErrors(details, ['handler', 'customer', 'channel', 'description', 'comment'], 'en');
    expect(onInputs).toEqual([
      { name: ['handler'], message: 'Must be an active user holding the complaint handler role for this scope' },
      { name: ['customer'], message: 'This is required' },
    ]);
    expect(rest).toEqual([]);
  });

  it('leaves to the alert what no input of this form shows', () => {
    const stray = { field: 'data.classification', rule: 'required', message: 'x' };
    expect(inputErrors([stray, { line: 2, message: 'bad line' }], ['resolution', 'comment'], 'zh').rest).toEqual([stray, { line: 2, message: 'bad line' }]);
  });

  it("keeps the API's message for a rule the console has no words for (a signature brake's wait)", () => {
    expect(inputErrors([{ field: 'signature.password', rule: 'throttled', message: '60 秒后重试' }], ['password'], 'zh').onInputs).toEqual([{ name: ['password'], message: '60 秒后重试' }]);
  });
});
