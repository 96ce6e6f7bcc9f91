// Pre-scan of an .xlsx (a zip) before ExcelJS sees it: ExcelJS has no size limits, so a zip bomb or a
// sheet claiming a million columns must be stopped here. The central directory's declared sizes are
// checked first, then every entry is inflated once more while counting, so a lying directory fails too.
// The same pass finds merged cells and maps sheet files to the names a person sees.
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { ImportLimits } from './import.limits.ts';
import { FILE_LEVEL, ImportStop, problem } from './import.problems.ts';
import type { ImportProblem } from '@scimon/contracts';

export interface ZipScan {
  /** Merged ranges per sheet name. */
  merged: { sheet: string; range: string }[];
}

const open = (buf: Buffer) =>
  new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true }, (e, z) =>
      e ? reject(e) : resolve(z),
    ),
  );

function readEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const out: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      out.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(out));
    zip.on('error', reject);
    zip.readEntry();
  });
}

const COLUMN_RE = /^([A-Z]+)(\d+)$/;
const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** Rows and columns a `ref` like "A1:XFD1048576" spans. */
function refSize(ref: string): { rows: number; cols: number } | null {
  const [a, b = a] = ref.split(':');
  const m1 = COLUMN_RE.exec(a ?? '');
  const m2 = COLUMN_RE.exec(b ?? '');
  if (!m1 || !m2) return null;
  return { cols: colNumber(m2[1]!) - colNumber(m1[1]!) + 1, rows: Number(m2[2]) - Number(m1[2]) + 1 };
}

interface EntryText {
  head: string;
  merges: string[];
  full: string | null;
}

/** Inflates one entry, counting bytes against the limits; keeps a head, merge refs, and small XMLs whole. */
function inflate(
  zip: ZipFile,
  entry: Entry,
  budget: { left: number },
  limits: ImportLimits,
  keepWhole: boolean,
): Promise<EntryText> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (e, stream) => {
      if (e || !stream) return reject(e ?? new Error('no stream'));
      let count = 0;
      let head = '';
      let tail = '';
      let full = keepWhole ? '' : null;
      const merges: string[] = [];
      stream.on('data', (chunk: Buffer) => {
        count += chunk.length;
        budget.left -= chunk.length;
        const tooBig = budget.left < 0;
        const ratio = entry.compressedSize > 0 ? count / entry.compressedSize : count;
        if (tooBig || (count > limits.ratioAppliesAbove && ratio > limits.maxRatio)) {
          stream.destroy();
          return reject(
            new ImportStop(
              tooBig
                ? problem(FILE_LEVEL, 'E_IMPORT_TOO_LARGE', null, {
                    what: 'uncompressed',
                    actual: `>${limits.maxUncompressedBytes}`,
                    limit: limits.maxUncompressedBytes,
                  })
                : problem(FILE_LEVEL, 'E_IMPORT_ZIP_BOMB', entry.fileName, {
                    ratio: Math.round(ratio),
                    limit: limits.maxRatio,
                  }),
            ),
          );
        }
        const s = chunk.toString('latin1');
        if (head.length < 4096) head += s.slice(0, 4096 - head.length);
        if (full !== null) full += chunk.toString('utf8');
        const scan = tail + s;
        for (const m of scan.matchAll(/<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"/g)) merges.push(m[1]!);
        tail = scan.slice(-64);
      });
      stream.on('end', () => resolve({ head, merges: [...new Set(merges)], full }));
      stream.on('error', reject);
    });
  });
}

function fail(p: ImportProblem): never {
  throw new ImportStop(p);
}

/** Checks the zip against the limits and returns what ExcelJS would not tell: merged ranges per sheet. */
export async function scanXlsxZip(buf: Buffer, limits: ImportLimits): Promise<ZipScan> {
  let zip: ZipFile;
  let entries: Entry[];
  try {
    zip = await open(buf);
    entries = await readEntries(zip);
  } catch (e) {
    const msg = (e as Error).message;
    // A local-file signature without a central directory is a truncated zip, not some other file.
    const isZipStart = buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
    if (/end of central directory record signature not found/i.test(msg))
      fail(problem(FILE_LEVEL, isZipStart ? 'E_IMPORT_TRUNCATED' : 'E_IMPORT_NOT_ZIP'));
    fail(problem(FILE_LEVEL, 'E_IMPORT_CORRUPT', null, { detail: msg }));
  }
  let declared = 0;
  for (const e of entries) {
    declared += e.uncompressedSize;
    if (declared > limits.maxUncompressedBytes)
      fail(
        problem(FILE_LEVEL, 'E_IMPORT_TOO_LARGE', null, {
          what: 'uncompressed',
          actual: declared,
          limit: limits.maxUncompressedBytes,
        }),
      );
    const ratio = e.compressedSize > 0 ? e.uncompressedSize / e.compressedSize : e.uncompressedSize;
    if (e.uncompressedSize > limits.ratioAppliesAbove && ratio > limits.maxRatio)
      fail(
        problem(FILE_LEVEL, 'E_IMPORT_ZIP_BOMB', e.fileName, {
          ratio: Math.round(ratio),
          limit: limits.maxRatio,
        }),
      );
  }
  if (!entries.some((e) => e.fileName === 'xl/workbook.xml'))
    fail(problem(FILE_LEVEL, 'E_IMPORT_CORRUPT', null, { detail: 'xl/workbook.xml missing' }));
  const budget = { left: limits.maxUncompressedBytes };
  const texts = new Map<string, EntryText>();
  try {
    for (const e of entries) {
      if (e.fileName.endsWith('/')) continue;
      const whole = e.fileName === 'xl/workbook.xml' || e.fileName === 'xl/_rels/workbook.xml.rels';
      texts.set(e.fileName, await inflate(zip, e, budget, limits, whole));
    }
  } catch (e) {
    if (e instanceof ImportStop) throw e;
    fail(problem(FILE_LEVEL, 'E_IMPORT_CORRUPT', null, { detail: (e as Error).message }));
  } finally {
    zip.close();
  }
  const names = sheetNames(
    texts.get('xl/workbook.xml')?.full ?? '',
    texts.get('xl/_rels/workbook.xml.rels')?.full ?? '',
  );
  const merged: ZipScan['merged'] = [];
  for (const [file, t] of texts) {
    if (!file.startsWith('xl/worksheets/') || !file.endsWith('.xml')) continue;
    const sheet = names.get(file) ?? file;
    const dim = /<dimension ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/.exec(t.head);
    const size = dim ? refSize(dim[1]!) : null;
    if (size && size.cols > limits.maxColumns)
      fail(
        problem({ sheet, row: null, column: null }, 'E_IMPORT_TOO_MANY_COLUMNS', dim![1]!, {
          actual: size.cols,
          limit: limits.maxColumns,
        }),
      );
    if (size && size.rows > limits.maxRows)
      fail(
        problem({ sheet, row: null, column: null }, 'E_IMPORT_TOO_MANY_ROWS', dim![1]!, {
          limit: limits.maxRows,
        }),
      );
    for (const range of t.merges) merged.push({ sheet, range });
  }
  return { merged };
}

/** Maps `xl/worksheets/sheetN.xml` to the sheet's name through the workbook and its relationships. */
function sheetNames(workbook: string, rels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const target = rid ? targets.get(rid) : undefined;
    if (name !== undefined && target) out.set(target, unescapeXml(name));
  }
  return out;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
