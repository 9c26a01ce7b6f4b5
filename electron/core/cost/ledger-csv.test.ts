// The spend ledger as a CSV file a spreadsheet opens: one quoted field per value that needs it, never a formula.

import { describe, expect, it } from 'vitest';
import { ledgerCsvHeader, ledgerCsvLine, ledgerToCsv } from './ledger-csv';
import type { LedgerCsvRow } from './spend-repo';

const row = (over: Partial<LedgerCsvRow> = {}): LedgerCsvRow => ({
  created_at: Date.UTC(2026, 10, 3, 9, 30, 15, 250),
  conversation_id: 'c1',
  title: 'Wombats',
  message_id: 'm1',
  generation_id: 'gen-1',
  model: 'author/model-a',
  provider: 'OpenAI',
  is_byok: 0,
  prompt_tokens: 10,
  completion_tokens: 20,
  reasoning_tokens: 5,
  cached_tokens: 0,
  cost_pico: '12300000000',
  ...over,
});

describe('ledger CSV', () => {
  it('writes one line per row, in the header’s order, with the exact cost and the time in UTC', () => {
    expect(ledgerCsvLine(row())).toBe(
      '2026-11-03T09:30:15.250Z,Wombats,c1,m1,gen-1,author/model-a,OpenAI,no,10,20,5,0,0.0123',
    );
    expect(ledgerCsvLine(row()).split(',')).toHaveLength(ledgerCsvHeader.length);
  });

  it('says yes for a BYOK charge, and leaves unknown values empty', () => {
    expect(ledgerCsvLine(row({ is_byok: 1 }))).toContain(',OpenAI,yes,');
    const unknown = row({
      message_id: null,
      generation_id: null,
      model: null,
      provider: null,
      is_byok: null,
      prompt_tokens: null,
      completion_tokens: null,
      reasoning_tokens: null,
      cached_tokens: null,
    });
    expect(ledgerCsvLine(unknown)).toBe('2026-11-03T09:30:15.250Z,Wombats,c1,,,,,,,,,,0.0123');
  });

  it('names a deleted conversation as such, and leaves the title empty for a charge with no conversation', () => {
    expect(ledgerCsvLine(row({ title: null }))).toContain(',deleted conversation,c1,');
    expect(ledgerCsvLine(row({ conversation_id: null, title: null }))).toMatch(/^[^,]+,,,m1,/);
  });

  it('quotes a title with a comma, a quote or a line break, doubling its quotes', () => {
    expect(ledgerCsvLine(row({ title: 'Cats, dogs' }))).toContain(',"Cats, dogs",c1,');
    expect(ledgerCsvLine(row({ title: 'The "best" plan' }))).toContain(',"The ""best"" plan",c1,');
    expect(ledgerCsvLine(row({ title: 'two\nlines' }))).toContain(',"two\nlines",c1,');
    expect(ledgerCsvLine(row({ title: 'two\rlines' }))).toContain(',"two\rlines",c1,');
    expect(ledgerCsvLine(row({ title: 'plain text' }))).toContain(',plain text,c1,');
  });

  it.each(['=HYPERLINK("http://x")', '+1', '-1', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'keeps a spreadsheet from running the title %j as a formula',
    (title) => {
      const field = ledgerCsvLine(row({ title })).split(',c1,')[0]?.slice('2026-11-03T09:30:15.250Z,'.length);
      expect(field?.replace(/^"/, '').startsWith(`'${title.slice(0, 1)}`)).toBe(true);
    },
  );

  it('does not touch a title with those characters further in', () => {
    expect(ledgerCsvLine(row({ title: 'a=b+c-d@e' }))).toContain(',a=b+c-d@e,c1,');
  });

  it('ends the header and every line with CRLF and counts the rows', () => {
    const { csv, rows } = ledgerToCsv((write) => {
      write(row());
      write(row({ generation_id: 'gen-2' }));
      return 2;
    });
    expect(rows).toBe(2);
    expect(csv.split('\r\n')).toEqual([
      ledgerCsvHeader.join(','),
      ledgerCsvLine(row()),
      ledgerCsvLine(row({ generation_id: 'gen-2' })),
      '',
    ]);
    expect(ledgerToCsv(() => 0)).toEqual({ csv: `${ledgerCsvHeader.join(',')}\r\n`, rows: 0 });
  });
});
