/** Commander's usage errors, said in Chinese (the English original is printed beside it). */
const TRANSLATIONS: [RegExp, (...groups: string[]) => string][] = [
  [/^unknown option '(.+)'/, (o) => `未知选项 ${o}`],
  [/^required option '(.+)' not specified/, (o) => `缺少必填选项 ${o}`],
  [/^option '(.+)' argument missing/, (o) => `选项 ${o} 缺少取值`],
  [/^missing required argument '(.+)'/, (a) => `缺少参数 ${a}`],
  [/^unknown command '(.+)'/, (c) => `未知命令 ${c}`],
  [/^too many arguments/, () => '参数过多'],
];

export function usageMessageZh(message: string): string {
  for (const [pattern, say] of TRANSLATIONS) {
    const m = pattern.exec(message);
    if (m) return `命令用法有误：${say(...m.slice(1))}（使用 --help 查看用法）`;
  }
  return `命令用法有误：${message}（使用 --help 查看用法）`;
}
