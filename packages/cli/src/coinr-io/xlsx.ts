// Reads the first worksheet of an .xlsx file into the same table the CSV reader produces (header in
// row 1, cells as strings), so iData/iMeta from Excel follow exactly the CSV paths downstream.
//
// Cells: numbers become their shortest round-trip text (parsed back to the same double), strings
// stay as they are (`NA` = missing, as in CSV), empty cells become ''. A formula cell uses its
// cached result; without one it is refused, naming sheet, row and column. Dates become their ISO
// text, so a date where a number is needed is refused as "not a number" by the same check as a text
// cell. Error values (#N/A, #DIV/0!, …) are refused. Entirely empty rows are skipped (as empty CSV
// lines); `lines` keeps each data row's sheet row number for messages.
//
// exceljs reads workbooks asynchronously only, while the iData/iMeta readers are synchronous: the
// workbook is read in a short-lived worker thread and the main thread waits for its answer
// (Atomics.wait on a shared flag, then receiveMessageOnPort).
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { CellValue } from 'exceljs';
import { CliExit, EXIT_INVALID } from '../exit.ts';
import { msg, type Lang } from '../lang.ts';
import type { CsvTable } from './csv.ts';

/** What the worker sends back: the first sheet's non-empty cells, or why the file could not be read. */
type WorkerAnswer =
  | { ok: true; sheet: string | null; rows: [number, [number, CellValue][]][] }
  | { ok: false; message: string };

// Plain CommonJS run with `eval: true`: no TypeScript loader needed in the worker.
const WORKER_CODE = `
const { workerData } = require('node:worker_threads');
const { file, exceljs, signal, port } = workerData;
const done = (answer) => {
  try {
    port.postMessage(answer);
  } catch (e) {
    port.postMessage({ ok: false, message: 'unreadable cell values: ' + (e && e.message) });
  }
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
};
(async () => {
  const ExcelJS = require(exceljs);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  if (!ws) return { ok: true, sheet: null, rows: [] };
  const rows = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return; // merged: the value is in the top-left cell
      cells.push([c, cell.value]);
    });
    rows.push([r, cells]);
  });
  return { ok: true, sheet: ws.name, rows };
})().then(done, (e) => done({ ok: false, message: e instanceof Error ? e.message : String(e) }));
`;

/** Longest wait for the worker (a huge workbook); a timeout is an internal failure, not a hang. */
const WORKER_TIMEOUT_MS = 300_000;

function readWorkbookSync(file: string): WorkerAnswer {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const exceljs = createRequire(import.meta.url).resolve('exceljs');
  const worker = new Worker(WORKER_CODE, {
    eval: true,
    workerData: { file, exceljs, signal, port: port2 },
    transferList: [port2],
  });
  try {
    const woke = Atomics.wait(signal, 0, 0, WORKER_TIMEOUT_MS);
    const m = receiveMessageOnPort(port1) as { message: WorkerAnswer } | undefined;
    if (!m) throw new Error(`xlsx reader: no answer from the worker (${woke})`);
    return m.message;
  } finally {
    port1.close();
    void worker.terminate();
  }
}

/** Column number (1-based) → spreadsheet letters: 1 → A, 27 → AA. */
export function columnLetters(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

type CellText = { ok: true; text: string } | { ok: false; zh: string; en: string };

/** A cell as the CSV reader would have seen it (text), or why it cannot be read. */
function cellText(v: CellValue, inFormula = false): CellText {
  if (v === null || v === undefined) return { ok: true, text: '' };
  if (typeof v === 'number') return { ok: true, text: String(v) };
  if (typeof v === 'string') return { ok: true, text: v };
  if (typeof v === 'boolean') return { ok: true, text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { ok: false, zh: '无效日期', en: 'invalid date' };
    const iso = v.toISOString();
    return { ok: true, text: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso };
  }
  if ('error' in v) return { ok: false, zh: `错误值 ${v.error}`, en: `error value ${v.error}` };
  if ('richText' in v) return { ok: true, text: v.richText.map((r) => r.text).join('') };
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: unknown }).result;
    if (result === undefined || result === null || inFormula)
      return {
        ok: false,
        zh: '公式没有缓存的结果（请在 Excel 中重新计算并保存，或粘贴为数值）',
        en: 'formula without a cached result (recalculate and save in Excel, or paste as values)',
      };
    return cellText(result as CellValue, true);
  }
  if ('hyperlink' in v) return { ok: true, text: v.text };
  return { ok: false, zh: '无法识别的单元格', en: 'unrecognised cell value' };
}

/** Reads the first worksheet of an .xlsx file: header row 1, then data rows. Problems → exit 1. */
export function readXlsx(file: string, lang: Lang): CsvTable {
  const answer = readWorkbookSync(file);
  if (!answer.ok)
    throw new CliExit(
      EXIT_INVALID,
      msg(
        lang,
        `${file}：不是有效的 .xlsx 工作簿（${answer.message}）`,
        `${file}: not a valid .xlsx workbook (${answer.message})`,
      ),
    );
  const sheet = answer.sheet;
  if (sheet === null)
    throw new CliExit(
      EXIT_INVALID,
      msg(lang, `${file}：工作簿没有工作表`, `${file}: the workbook has no worksheet`),
    );
  const where = (r: number, c: number, name?: string) =>
    msg(
      lang,
      `${file} 工作表 ${sheet} 第 ${r} 行 ${columnLetters(c)} 列${name ? `（${name}）` : ''}`,
      `${file} sheet ${sheet} row ${r} column ${columnLetters(c)}${name ? ` (${name})` : ''}`,
    );
  const texts = (r: number, cells: [number, CellValue][], names: readonly string[]): Map<number, string> => {
    const m = new Map<number, string>();
    for (const [c, v] of cells) {
      const t = cellText(v);
      if (!t.ok)
        throw new CliExit(EXIT_INVALID, `${where(r, c, names[c - 1])}${msg(lang, `：${t.zh}`, `: ${t.en}`)}`);
      m.set(c, t.text);
    }
    return m;
  };
  const [first, ...rest] = answer.rows;
  const head = first && first[0] === 1 ? texts(1, first[1], []) : new Map<number, string>();
  const named = [...head].filter(([, s]) => s.trim() !== '').map(([c]) => c);
  if (named.length === 0)
    throw new CliExit(
      EXIT_INVALID,
      msg(
        lang,
        `${file} 工作表 ${sheet}：第 1 行（表头）为空`,
        `${file} sheet ${sheet}: row 1 (the header) is empty`,
      ),
    );
  const width = Math.max(...named);
  const header = Array.from({ length: width }, (_, k) => (head.get(k + 1) ?? '').trim());
  const rows: string[][] = [];
  const lines: number[] = [];
  for (const [r, cells] of rest) {
    const m = texts(r, cells, header);
    if ([...m.values()].every((s) => s === '')) continue;
    for (const [c, s] of m) {
      if (c > width && s !== '')
        throw new CliExit(
          EXIT_INVALID,
          `${where(r, c)}${msg(lang, `：表头之外的值（${s}）`, `: value beyond the header (${s})`)}`,
        );
    }
    rows.push(Array.from({ length: width }, (_, k) => m.get(k + 1) ?? ''));
    lines.push(r);
  }
  return { file: `${file} [${sheet}]`, header, rows, lines };
}
