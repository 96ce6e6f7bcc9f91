// Reads COINr's iData/iMeta layout (CSV or .xlsx, see xlsx.ts) into the engine's framework and data matrix.
// iMeta: Level, iCode, Direction, Weight, Parent, Type required; iName, Unit, Target, Denominator,
// goalpost_lower/upper/scale/trunc2posts and Standard optional; `NA` = empty; rows of Type Group,
// Denominator or Other are metadata. iData: uCode plus one column per indicator; uName, *_group,
// Time and denominator columns optional; other columns ignored.
import { buildFramework, type Framework, type FrameworkNodeInput } from '@scimon/core/composite/framework';
import { createMatrix, type DataMatrix } from '@scimon/core/composite/matrix';
import { CliExit, EXIT_INVALID } from '../exit.ts';
import { msg, type Lang } from '../lang.ts';
import { isMissing, lineOf, readCsv, type CsvTable } from './csv.ts';

export interface Coin {
  readonly framework: Framework;
  /** Units × indicators (framework order), iData row order. */
  readonly data: DataMatrix;
  readonly unitCodes: string[];
  /** Group columns (`*_group`) by name: one label (or null) per unit. */
  readonly groups: ReadonlyMap<string, (string | null)[]>;
  /** Denominator column per indicator (framework order), or null. */
  readonly denominators: (Float64Array | null)[];
  readonly time?: Float64Array;
}

const invalid = (lang: Lang, zh: string, en: string): CliExit => new CliExit(EXIT_INVALID, msg(lang, zh, en));

function column(t: CsvTable, name: string): number {
  return t.header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
}

function num(t: CsvTable, s: string | undefined, line: number, col: string, lang: Lang): number {
  if (isMissing(s)) return Number.NaN;
  const v = Number(s);
  if (s === undefined || !Number.isFinite(v) || s.trim() === '')
    throw invalid(
      lang,
      `${t.file}:${line} 列 ${col}：不是数字（${s}）`,
      `${t.file}:${line} column ${col}: not a number (${s})`,
    );
  return v;
}

/** Parses iMeta into framework rows. */
export function readIMeta(
  file: string,
  lang: Lang,
): { nodes: FrameworkNodeInput[]; denominatorCodes: string[] } {
  const t = readCsv(file, lang);
  for (const need of ['Level', 'iCode', 'Direction', 'Weight', 'Parent', 'Type']) {
    if (column(t, need) < 0)
      throw invalid(lang, `${file}：缺少列 ${need}`, `${file}: missing column ${need}`);
  }
  const c = (n: string) => column(t, n);
  const nodes: FrameworkNodeInput[] = [];
  const denominatorCodes: string[] = [];
  t.rows.forEach((r, k) => {
    const line = lineOf(t, k);
    const get = (n: string) => (c(n) >= 0 ? r[c(n)] : undefined);
    const type = (get('Type') ?? '').trim();
    const code = (get('iCode') ?? '').trim();
    if (type === 'Denominator') denominatorCodes.push(code);
    if (type !== 'Indicator' && type !== 'Aggregate') {
      if (type === 'Group' || type === 'Denominator' || type === 'Other') return;
      throw invalid(
        lang,
        `${t.file}:${line} 列 Type：未知类型 ${type}`,
        `${t.file}:${line} column Type: unknown type ${type}`,
      );
    }
    if (!code)
      throw invalid(lang, `${t.file}:${line} 列 iCode：为空`, `${t.file}:${line} column iCode: empty`);
    const level = num(t, get('Level'), line, 'Level', lang);
    const weight = num(t, get('Weight'), line, 'Weight', lang);
    if (Number.isNaN(weight))
      throw invalid(
        lang,
        `${t.file}:${line} 列 Weight：缺失（${code}）`,
        `${t.file}:${line} column Weight: missing (${code})`,
      );
    const dirRaw = get('Direction');
    const direction = isMissing(dirRaw) ? 1 : num(t, dirRaw, line, 'Direction', lang);
    const parent = isMissing(get('Parent')) ? null : (get('Parent') as string).trim();
    const opt = (n: string): number | null => {
      const s = get(n);
      return isMissing(s) ? null : num(t, s, line, n, lang);
    };
    const gl = opt('goalpost_lower');
    const gu = opt('goalpost_upper');
    const truncRaw = get('goalpost_trunc2posts');
    const den = get('Denominator');
    nodes.push({
      code,
      level,
      parent,
      weight,
      direction,
      target: opt('Target'),
      standard: opt('Standard'),
      goalposts:
        gl !== null && gu !== null
          ? {
              lower: gl,
              upper: gu,
              scale: opt('goalpost_scale') ?? 1,
              trunc: isMissing(truncRaw) ? true : /^(true|1)$/i.test(truncRaw ?? ''),
            }
          : null,
      denominator: isMissing(den) ? null : (den as string).trim(),
    });
  });
  return { nodes, denominatorCodes };
}

/** Reads iData + iMeta into a coin; every problem names the file, line and column (exit 1). */
export function readCoin(idataFile: string, imetaFile: string, lang: Lang): Coin {
  const meta = readIMeta(imetaFile, lang);
  const fw = buildFramework(meta.nodes);
  if (!fw.ok)
    throw invalid(
      lang,
      `${imetaFile}：指标框架无效：${fw.error.message ?? fw.error.code}`,
      `${imetaFile}: invalid framework: ${fw.error.message ?? fw.error.code}`,
    );
  const framework = fw.value;
  const t = readCsv(idataFile, lang);
  const uc = column(t, 'uCode');
  if (uc < 0) throw invalid(lang, `${idataFile}：缺少列 uCode`, `${idataFile}: missing column uCode`);
  const unitCodes = t.rows.map((r, k) => {
    const u = (r[uc] ?? '').trim();
    if (!u || u === 'NA')
      throw invalid(
        lang,
        `${t.file}:${lineOf(t, k)} 列 uCode：为空`,
        `${t.file}:${lineOf(t, k)} column uCode: empty`,
      );
    return u;
  });
  const seen = new Set<string>();
  unitCodes.forEach((u, k) => {
    if (seen.has(u))
      throw invalid(
        lang,
        `${t.file}:${lineOf(t, k)} 列 uCode：重复的单位 ${u}`,
        `${t.file}:${lineOf(t, k)} column uCode: duplicate unit ${u}`,
      );
    seen.add(u);
  });
  const n = unitCodes.length;
  if (n === 0) throw invalid(lang, `${idataFile}：没有单位`, `${idataFile}: no units`);
  const readCol = (name: string): Float64Array => {
    const j = column(t, name);
    const out = new Float64Array(n);
    t.rows.forEach((r, i) => (out[i] = num(t, r[j], lineOf(t, i), name, lang)));
    return out;
  };
  const data = createMatrix(n, framework.nIndicators);
  for (let j = 0; j < framework.nIndicators; j++) {
    const code = framework.nodes[j]?.code ?? '';
    if (column(t, code) < 0)
      throw invalid(
        lang,
        `${idataFile}：缺少指标列 ${code}`,
        `${idataFile}: missing indicator column ${code}`,
      );
    data.values.set(readCol(code), j * n);
  }
  const groups = new Map<string, (string | null)[]>();
  t.header.forEach((h, j) => {
    if (h.endsWith('_group'))
      groups.set(
        h,
        t.rows.map((r) => (isMissing(r[j]) ? null : (r[j] as string))),
      );
  });
  const denCache = new Map<string, Float64Array>();
  const denominators = framework.nodes.slice(0, framework.nIndicators).map((node) => {
    const d = node.denominator;
    if (!d) return null;
    if (column(t, d) < 0) return null;
    const cached = denCache.get(d) ?? readCol(d);
    denCache.set(d, cached);
    return cached;
  });
  const tc = column(t, 'Time');
  return { framework, data, unitCodes, groups, denominators, ...(tc >= 0 ? { time: readCol('Time') } : {}) };
}

/** Reads a `iCode,Weight` CSV. */
export function readWeights(file: string, lang: Lang): Map<string, number> {
  const t = readCsv(file, lang);
  const ic = column(t, 'iCode');
  const wc = column(t, 'Weight');
  if (ic < 0 || wc < 0)
    throw invalid(lang, `${file}：需要列 iCode 和 Weight`, `${file}: columns iCode and Weight are required`);
  const out = new Map<string, number>();
  t.rows.forEach((r, k) => {
    const w = num(t, r[wc], lineOf(t, k), 'Weight', lang);
    if (Number.isNaN(w))
      throw invalid(
        lang,
        `${t.file}:${lineOf(t, k)} 列 Weight：缺失`,
        `${t.file}:${lineOf(t, k)} column Weight: missing`,
      );
    out.set((r[ic] ?? '').trim(), w);
  });
  return out;
}
