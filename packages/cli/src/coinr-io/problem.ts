// Turns an engine Problem into a localised CLI exit (code 1) naming the unit and indicator.
import type { Problem } from '@scimon/core';
import { CliExit, EXIT_INVALID } from '../exit.ts';
import { msg, type Lang } from '../lang.ts';

export function problemExit(p: Problem, unitCodes: readonly string[], lang: Lang): CliExit {
  const unit =
    typeof p.params?.unit === 'number' ? (unitCodes[p.params.unit] ?? String(p.params.unit)) : undefined;
  const ind = p.params?.iCode ?? p.where;
  if (p.code === 'E_INDEX_NONPOSITIVE') {
    return new CliExit(
      EXIT_INVALID,
      msg(
        lang,
        `${p.code}：单位 ${unit} 指标 ${ind} 的值 ${p.params?.value} ≤ 0，几何/调和平均无法计算（请改用 --range 1,100 等正区间）`,
        `${p.code}: unit ${unit}, indicator ${ind}: value ${p.params?.value} ≤ 0, so the geometric/harmonic mean is undefined (use a positive range such as --range 1,100)`,
      ),
    );
  }
  const where = [unit && `unit ${unit}`, ind && `indicator ${ind}`].filter(Boolean).join(', ');
  return new CliExit(EXIT_INVALID, `${p.code}${where ? ` (${where})` : ''}: ${p.message ?? ''}`);
}
