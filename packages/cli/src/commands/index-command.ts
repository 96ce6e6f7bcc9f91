// `scimon index`: a composite index from COINr iData/iMeta files, file in, file out (no database).
import type { Command } from 'commander';
import { getColumn } from '@scimon/core/composite/matrix';
import { runPipeline } from '@scimon/core/composite/pipeline';
import { rankData } from '@scimon/core/composite/rank';
import type { DataMatrix } from '@scimon/core/composite/matrix';
import { readCoin } from '../coinr-io/coin.ts';
import { writeTable } from '../coinr-io/csv.ts';
import { addPipelineOptions, pipelineSpecFromFlags, type PipelineFlags } from '../coinr-io/pipeline-flags.ts';
import { problemExit } from '../coinr-io/problem.ts';
import { msg, type Lang } from '../lang.ts';

interface IndexFlags extends PipelineFlags {
  out?: string;
  ranks?: string;
}

function writeAggregated(
  file: string | undefined,
  codes: readonly string[],
  units: readonly string[],
  m: DataMatrix,
): void {
  const cols = codes.map((_, j) => getColumn(m, j));
  const rows = units.map((u, i) => [u, ...cols.map((c) => c[i] as number)]);
  writeTable(file, ['uCode', ...codes], rows);
}

export function registerIndex(program: Command, lang: Lang): void {
  const cmd = program
    .command('index')
    .description(
      msg(
        lang,
        '综合指数：按 COINr 方法归一化、加权、逐级汇总并排名',
        'composite index: normalise, weight, aggregate level by level and rank, as COINr',
      ),
    );
  addPipelineOptions(cmd, lang)
    .option(
      '--out <file>',
      msg(lang, '输出 Aggregated 表（默认标准输出）', 'write the Aggregated table here (default stdout)'),
    )
    .option('--ranks <file>', msg(lang, '输出每列排名表', 'write the table with every column ranked'))
    .action((flags: IndexFlags) => {
      const coin = readCoin(flags.idata, flags.imeta, lang);
      const spec = pipelineSpecFromFlags(flags, coin, lang);
      const r = runPipeline(
        { framework: coin.framework, data: coin.data, denominators: coin.denominators },
        spec,
      );
      const units = r.ok ? r.value.kept.map((i) => coin.unitCodes[i] as string) : coin.unitCodes;
      if (!r.ok) {
        // Row positions in errors refer to the kept units; without screening they are the iData rows.
        throw problemExit(r.error, units, lang);
      }
      const removed = r.value.screen?.removed ?? [];
      if (removed.length > 0) {
        process.stderr.write(
          msg(
            lang,
            `筛除单位：${removed.map((i) => coin.unitCodes[i]).join(', ')}\n`,
            `screened out: ${removed.map((i) => coin.unitCodes[i]).join(', ')}\n`,
          ),
        );
      }
      const codes = coin.framework.nodes.map((n) => n.code);
      writeAggregated(flags.out, codes, units, r.value.aggregated);
      if (flags.ranks) writeAggregated(flags.ranks, codes, units, rankData(r.value.aggregated));
    });
}
