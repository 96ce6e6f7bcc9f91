// The pipeline flags shared by `scimon index` and `scimon uncertainty`, turned into a core PipelineSpec.
import type { Command } from 'commander';
import type { AggregationMethod } from '@scimon/core/composite/aggregate';
import type { ImputeSpec } from '@scimon/core/composite/impute';
import type { NormaliseSpec } from '@scimon/core/composite/normalise';
import type { PipelineSpec } from '@scimon/core/composite/pipeline';
import { CliExit, EXIT_USAGE } from '../exit.ts';
import { msg, type Lang } from '../lang.ts';
import { readWeights, type Coin } from './coin.ts';

export interface PipelineFlags {
  idata: string;
  imeta: string;
  denominate?: boolean;
  impute?: string;
  screen?: string;
  treat?: string;
  winmax?: string;
  normalise?: string;
  range?: string;
  ref?: string;
  cap?: boolean;
  weights?: string;
  aggregate?: string;
}

const NORMALISERS = [
  'minmax',
  'zscore',
  'rank',
  'borda',
  'prank',
  'fracmax',
  'dist2max',
  'dist2ref',
  'dist2targ',
  'goalposts',
  'scaled',
  'standard',
];

/** Adds the pipeline flags (same names and defaults for every evaluation command). */
export function addPipelineOptions(cmd: Command, lang: Lang): Command {
  return cmd
    .requiredOption('--idata <file>', msg(lang, 'COINr iData 表（CSV）', 'COINr iData table (CSV)'))
    .requiredOption('--imeta <file>', msg(lang, 'COINr iMeta 表（CSV）', 'COINr iMeta table (CSV)'))
    .option(
      '--denominate',
      msg(lang, '按 iMeta 的 Denominator 列做分母化', 'divide by the iMeta Denominator columns'),
    )
    .option('--impute <method>', 'none|mean|median|mean-by:GROUPCOL|median-by:GROUPCOL', 'none')
    .option(
      '--screen <thresh>',
      msg(lang, '剔除数据可得率低于阈值的单位', 'drop units whose data availability is below the threshold'),
    )
    .option('--treat <method>', 'none|winsorise', 'none')
    .option('--winmax <n>', msg(lang, '最多缩尾点数', 'maximum winsorised points'), '5')
    .option('--normalise <method>', NORMALISERS.join('|'), 'minmax')
    .option(
      '--range <a,b>',
      msg(
        lang,
        'minmax 的输出区间（默认 0,100）；zscore 的均值,标准差（默认 0,1）',
        'output range for minmax (default 0,100); mean,sd for zscore (default 0,1)',
      ),
    )
    .option(
      '--ref <ucode>',
      msg(
        lang,
        'dist2ref 的参照单位（默认第一个单位）',
        'reference unit for dist2ref (default the first unit)',
      ),
    )
    .option('--cap', msg(lang, 'dist2ref/dist2targ 结果封顶为 1', 'cap dist2ref/dist2targ at 1'))
    .option('--weights <file>', msg(lang, '权重表 iCode,Weight', 'weights CSV iCode,Weight'))
    .option('--aggregate <method>', 'amean|gmean|hmean', 'amean');
}

const usage = (lang: Lang, zh: string, en: string) => new CliExit(EXIT_USAGE, msg(lang, zh, en));

function parsePair(s: string, flag: string, lang: Lang): [number, number] {
  const parts = s.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 2 || parts.some((v) => !Number.isFinite(v)))
    throw usage(lang, `${flag} 需要两个数字 A,B：${s}`, `${flag} needs two numbers A,B: ${s}`);
  return [parts[0] as number, parts[1] as number];
}

/** Parses the flags into a PipelineSpec for the given coin. */
export function pipelineSpecFromFlags(f: PipelineFlags, coin: Coin, lang: Lang): PipelineSpec {
  let impute: ImputeSpec = { method: 'none' };
  const im = f.impute ?? 'none';
  const by = /^(mean|median)-by:(.+)$/.exec(im);
  if (by) {
    const groups = coin.groups.get(by[2] as string);
    if (!groups)
      throw new CliExit(
        1,
        msg(lang, `${f.idata}：没有分组列 ${by[2]}`, `${f.idata}: no group column ${by[2]}`),
      );
    impute = { method: by[1] === 'mean' ? 'mean-by' : 'median-by', groups };
  } else if (im === 'mean' || im === 'median') impute = { method: im };
  else if (im !== 'none') throw usage(lang, `--impute 无效：${im}`, `invalid --impute: ${im}`);

  let screen: PipelineSpec['screen'];
  if (f.screen !== undefined) {
    const t = Number(f.screen);
    if (!Number.isFinite(t) || t < 0 || t > 1)
      throw usage(
        lang,
        `--screen 需要 0 到 1 之间的数：${f.screen}`,
        `--screen needs a number between 0 and 1: ${f.screen}`,
      );
    screen = { datThresh: t };
  }
  const treatName = f.treat ?? 'none';
  if (treatName !== 'none' && treatName !== 'winsorise')
    throw usage(lang, `--treat 无效：${treatName}`, `invalid --treat: ${treatName}`);
  const winmax = Number(f.winmax ?? '5');
  if (!Number.isInteger(winmax) || winmax < 0)
    throw usage(
      lang,
      `--winmax 需要非负整数：${f.winmax}`,
      `--winmax needs a non-negative integer: ${f.winmax}`,
    );

  const nm = f.normalise ?? 'minmax';
  if (!NORMALISERS.includes(nm)) throw usage(lang, `--normalise 无效：${nm}`, `invalid --normalise: ${nm}`);
  const cap = f.cap ?? false;
  let normalise: NormaliseSpec;
  if (nm === 'minmax') {
    const [a, b] = f.range ? parsePair(f.range, '--range', lang) : [0, 100];
    normalise = { method: 'minmax', lower: a, upper: b };
  } else if (nm === 'zscore') {
    const [a, b] = f.range ? parsePair(f.range, '--range', lang) : [0, 1];
    normalise = { method: 'zscore', mean: a, sd: b };
  } else if (nm === 'scaled') {
    const [a, b] = f.range ? parsePair(f.range, '--range', lang) : [0, 100];
    normalise = { method: 'scaled', lower: a, upper: b, scaleFactor: 100 };
  } else if (nm === 'dist2ref') {
    const refUnit = f.ref === undefined ? 0 : coin.unitCodes.indexOf(f.ref);
    if (refUnit < 0)
      throw new CliExit(
        1,
        msg(lang, `--ref：iData 中没有单位 ${f.ref}`, `--ref: no unit ${f.ref} in ${f.idata}`),
      );
    normalise = { method: 'dist2ref', refUnit, cap };
  } else if (nm === 'dist2targ') normalise = { method: 'dist2targ', cap };
  else if (nm === 'goalposts') normalise = { method: 'goalposts' };
  else if (nm === 'standard') normalise = { method: 'standard', cap: true };
  else normalise = { method: nm as 'rank' };

  const ag = f.aggregate ?? 'amean';
  if (!['amean', 'gmean', 'hmean'].includes(ag))
    throw usage(lang, `--aggregate 无效：${ag}`, `invalid --aggregate: ${ag}`);
  const weights = f.weights ? readWeights(f.weights, lang) : undefined;
  if (weights) {
    for (const code of weights.keys()) {
      if (!coin.framework.indexOf.has(code))
        throw new CliExit(
          1,
          msg(lang, `${f.weights}：iMeta 中没有 ${code}`, `${f.weights}: ${code} is not in ${f.imeta}`),
        );
    }
  }
  return {
    denominate: f.denominate ?? false,
    impute,
    ...(screen ? { screen } : {}),
    treat: treatName === 'winsorise' ? { method: 'winsorise', winmax } : { method: 'none' },
    normalise,
    ...(weights ? { weights } : {}),
    aggregate: { method: ag as AggregationMethod },
  };
}
