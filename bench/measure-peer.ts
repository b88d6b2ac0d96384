import { createRequire } from 'node:module';
import { median } from './stats.js';

const load = createRequire(__filename);
const moduleOf = (name: string) => {
  const loaded = load(name) as { default?: unknown };
  return loaded.default ?? loaded;
};

/** textlint with a common rule set (sentence-length, max-comma, no-todo) on the same drafts: median ms per draft. */
export async function measureTextlint(text: string, runs: number): Promise<number> {
  const { TextlintKernel } = load('@textlint/kernel') as typeof import('@textlint/kernel');
  const kernel = new TextlintKernel();
  const options = {
    ext: '.md',
    filePath: '/bench/draft.md',
    plugins: [{ pluginId: 'markdown', plugin: moduleOf('@textlint/textlint-plugin-markdown') }],
    rules: ['sentence-length', 'max-comma', 'no-todo'].map((ruleId) => ({ ruleId, rule: moduleOf(`textlint-rule-${ruleId}`) })),
  } as never;
  await kernel.lintText(text, options);
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    await kernel.lintText(text, options);
    times.push(performance.now() - start);
  }
  return median(times);
}
