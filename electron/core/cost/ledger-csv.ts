// Core: the spend ledger as CSV (RFC 4180), one row per billed generation, the cost as the exact recorded decimal.

import { fromPico } from '../../../shared/money';
import type { LedgerCsvRow } from './spend-repo';

export const ledgerCsvHeader = [
  'time_utc',
  'conversation',
  'conversation_id',
  'message_id',
  'generation_id',
  'model',
  'provider',
  'byok',
  'prompt_tokens',
  'completion_tokens',
  'reasoning_tokens',
  'cached_tokens',
  'cost_usd',
] as const;

/** Titles are the person's own text: a leading = + - @ would run as a formula in a spreadsheet, so it is quoted. */
function text(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const number = (value: number | bigint | null): string => (value === null ? '' : value.toString());

/** One ledger row as a CSV line, without its line break. */
export function ledgerCsvLine(row: LedgerCsvRow): string {
  return [
    new Date(Number(row.created_at)).toISOString(),
    text(row.conversation_id === null ? null : (row.title ?? 'deleted conversation')),
    text(row.conversation_id),
    text(row.message_id),
    text(row.generation_id),
    text(row.model),
    text(row.provider),
    row.is_byok === null ? '' : Number(row.is_byok) === 1 ? 'yes' : 'no',
    number(row.prompt_tokens),
    number(row.completion_tokens),
    number(row.reasoning_tokens),
    number(row.cached_tokens),
    fromPico(BigInt(row.cost_pico)),
  ].join(',');
}

/** The whole file from rows handed over one at a time (see SpendRepo.eachLedgerRow). */
export function ledgerToCsv(eachRow: (write: (row: LedgerCsvRow) => void) => number): { csv: string; rows: number } {
  let csv = `${ledgerCsvHeader.join(',')}\r\n`;
  const rows = eachRow((row) => {
    csv += `${ledgerCsvLine(row)}\r\n`;
  });
  return { csv, rows };
}
