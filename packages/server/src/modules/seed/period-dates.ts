// Start and end dates of a period code (2024, 2024Q1, 2024-03) for the period table.
export interface PeriodRow {
  code: string;
  type: 'year' | 'quarter' | 'month';
  start_date: string;
  end_date: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function periodRow(code: string): PeriodRow | undefined {
  let m = /^(\d{4})$/.exec(code);
  if (m) return { code, type: 'year', start_date: `${m[1]}-01-01`, end_date: `${m[1]}-12-31` };
  m = /^(\d{4})Q([1-4])$/.exec(code);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const endMonth = q * 3;
    return {
      code,
      type: 'quarter',
      start_date: `${y}-${pad(endMonth - 2)}-01`,
      end_date: `${y}-${pad(endMonth)}-${pad(lastDay(y, endMonth))}`,
    };
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(code);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return {
      code,
      type: 'month',
      start_date: `${y}-${pad(mo)}-01`,
      end_date: `${y}-${pad(mo)}-${pad(lastDay(y, mo))}`,
    };
  }
  return undefined;
}
