// Display of server timestamps (ISO with +08:00) in Beijing time, whatever the browser's zone.
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const shifted = new Date(d.getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 16).replace('T', ' ');
}
