/**
 * Chinese for class-validator's rules. Its messages are English only; the figures they
 * carry (a length, a bound, the allowed values) are taken from the English message, whose
 * wording class-validator fixes, so both languages state the same rule.
 */
const lastNumber = (en: string) => /(-?\d+(?:\.\d+)?)(?!.*\d)/.exec(en)?.[1] ?? '';
const afterColon = (en: string) => en.slice(en.indexOf(':') + 1).trim();

const ZH: Record<string, (field: string, en: string) => string> = {
  required: (f) => `${f} 为必填项`,
  unknownField: (f) => `${f} 不是可接受的字段`,
  isString: (f) => `${f} 须为文本`,
  maxLength: (f, en) => `${f} 最多 ${lastNumber(en)} 个字符`,
  minLength: (f, en) => `${f} 至少 ${lastNumber(en)} 个字符`,
  min: (f, en) => `${f} 不得小于 ${lastNumber(en)}`,
  max: (f, en) => `${f} 不得大于 ${lastNumber(en)}`,
  isInt: (f) => `${f} 须为整数`,
  isNumber: (f) => `${f} 须为数字`,
  isIn: (f, en) => `${f} 须为以下之一：${afterColon(en)}`,
  isUuid: (f) => `${f} 须为 UUID`,
  isObject: (f) => `${f} 须为对象`,
  isArray: (f) => `${f} 须为数组`,
  isDefined: (f) => `${f} 不能为空`,
  isEmail: (f) => `${f} 须为电子邮件地址`,
  isBoolean: (f) => `${f} 须为 true 或 false`,
  arrayMinSize: (f, en) => `${f} 至少包含 ${lastNumber(en)} 项`,
  arrayMaxSize: (f, en) => `${f} 最多包含 ${lastNumber(en)} 项`,
  isDate: (f) => `${f} 须为 ISO 8601 日期或日期时间，例如 2026-12-01 或 2026-12-01T08:00:00Z`,
  matches: (f) => `${f} 格式不正确`,
  nestedValidation: (f) => `${f} 须为对象或数组`,
};

/** The Chinese for a failed rule on `field`, given class-validator's English message for it. */
export function zhRuleMessage(field: string, rule: string, en: string): string {
  return ZH[rule]?.(field, en) ?? `${field} 不符合规则 ${rule}`;
}
