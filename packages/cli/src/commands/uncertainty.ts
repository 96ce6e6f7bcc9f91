// `scimon uncertainty`: Monte Carlo rank intervals for a composite index (file in, file out).
import type { Command } from 'commander';
import { summariseRanks } from '@scimon/core/uncertainty/rank-stats';
import { readCoin } from '../coinr-io/coin.ts';
import { writeTable } from '../coinr-io/csv.ts';
import { runMonteCarloPool } from '../coinr-io/monte-carlo-pool.ts';
import { addPipelineOptions, pipelineSpecFromFlags, type PipelineFlags } from '../coinr-io/pipeline-flags.ts';
import { problemExit } from '../coinr-io/problem.ts';
import { CliExit, EXIT_INTERNAL, EXIT_USAGE } from '../exit.ts';
import { msg, type Lang } from '../lang.ts';

interface UncertaintyFlags extends PipelineFlags {
  runs: string;
  seed: string;
  weightNoise: string;
  workers?: string;
  out?: string;
}

const int = (s: string, name: string, lang: Lang, min: number): number => {
  const v = Number(s);
  if (!Number.isSafeInteger(v) || v < min)
    throw new CliExit(
      EXIT_USAGE,
      msg(lang, `${name} 需要 ≥ ${min} 的整数：${s}`, `${name} needs an integer ≥ ${min}: ${s}`),
    );
  return v;
};

export function registerUncertainty(program: Command, lang: Lang): void {
  const cmd = program
    .command('uncertainty')
    .description(
      msg(
        lang,
        '不确定性分析：权重扰动的蒙特卡洛排名区间',
        'uncertainty analysis: Monte Carlo rank intervals under weight noise',
      ),
    );
  addPipelineOptions(cmd, lang)
    .requiredOption('--runs <n>', msg(lang, '蒙特卡洛次数', 'number of Monte Carlo runs'))
    .requiredOption('--seed <s>', msg(lang, '随机种子（可复现）', 'random seed (reproducible)'))
    .requiredOption(
      '--weight-noise <f>',
      msg(lang, '每个权重乘以 U(1−f, 1+f)', 'each weight is multiplied by U(1−f, 1+f)'),
    )
    .option(
      '--workers <n>',
      msg(
        lang,
        '计算线程数（默认：CPU 核数；1 = 不用工作线程）',
        'threads doing runs (default: the cores; 1 = no worker thread)',
      ),
    )
    .option(
      '--out <file>',
      msg(
        lang,
        '输出 uCode,Nominal,Mean,Median,Q5,Q95（默认标准输出）',
        'write uCode,Nominal,Mean,Median,Q5,Q95 here (default stdout)',
      ),
    )
    .action(async (flags: UncertaintyFlags) => {
      const runs = int(flags.runs, '--runs', lang, 1);
      const seed = int(flags.seed, '--seed', lang, 0);
      const f = Number(flags.weightNoise);
      if (!Number.isFinite(f) || f < 0 || f > 1)
        throw new CliExit(
          EXIT_USAGE,
          msg(
            lang,
            `--weight-noise 需要 0 到 1 之间的数：${flags.weightNoise}`,
            `--weight-noise needs a number between 0 and 1: ${flags.weightNoise}`,
          ),
        );
      const workers = flags.workers === undefined ? undefined : int(flags.workers, '--workers', lang, 1);
      const coin = readCoin(flags.idata, flags.imeta, lang);
      const spec = pipelineSpecFromFlags(flags, coin, lang);
      const cancel = new SharedArrayBuffer(4);
      const onSigint = () => Atomics.store(new Int32Array(cancel), 0, 1);
      process.once('SIGINT', onSigint);
      let last = 0;
      const r = await runMonteCarloPool(
        { framework: coin.framework, data: coin.data, denominators: coin.denominators },
        spec,
        { weightNoise: f },
        seed,
        runs,
        {
          ...(workers === undefined ? {} : { workers }),
          cancel,
          onProgress: (done, total) => {
            const pct = Math.floor((100 * done) / total);
            if (process.stderr.isTTY && pct !== last) {
              last = pct;
              process.stderr.write(`\r${msg(lang, '进度', 'progress')} ${pct}%`);
            }
          },
        },
      );
      process.removeListener('SIGINT', onSigint);
      if (process.stderr.isTTY) process.stderr.write('\n');
      if (!r.ok) throw problemExit(r.error, coin.unitCodes, lang);
      if (r.value.cancelled)
        throw new CliExit(EXIT_INTERNAL, msg(lang, '已取消，未写出结果', 'cancelled; nothing written'));
      if (r.value.failed > 0)
        process.stderr.write(
          msg(
            lang,
            `${r.value.failed} 次运行失败（未计入）\n`,
            `${r.value.failed} runs failed (not counted)\n`,
          ),
        );
      const stats = summariseRanks(r.value.prepared, r.value.histogram);
      writeTable(
        flags.out,
        ['uCode', 'Nominal', 'Mean', 'Median', 'Q5', 'Q95'],
        stats.map((s) => [coin.unitCodes[s.row] as string, s.nominal, s.mean, s.median, s.q5, s.q95]),
      );
    });
}
