import { says } from '@satisflow/http';

/** Refusals the engine gives from more than one place, said once in both languages. */
export const instanceNotFound = (id: string) => says(`instance ${id} not found`, `实例 ${id} 不存在`);

export const reloadAndRetry = (revision: number) =>
  says(`instance changed concurrently (revision ${revision} is no longer current): reload and try again`, `实例已被他人同时修改（版本 ${revision} 已不是最新）：请刷新后重试`);

export const testClockOff = says('the test clock is off (TEST_CLOCK)', '测试时钟未开启（TEST_CLOCK）');
