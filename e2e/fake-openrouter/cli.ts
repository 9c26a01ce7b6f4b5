// Runs as its own Node process (`npm run fake-openrouter`): the fake OpenRouter for the demo and e2e runs.
//
// stdout carries exactly one startup line, `fake OpenRouter listening at <baseUrl>`, which other tools
// parse, then one line per request (method, path, status; never a header value).

import { startFakeOpenRouter } from './server';

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(`${name} must be a non-negative integer, got "${raw}"\n`);
    process.exit(2);
  }
  return value;
}

const fake = await startFakeOpenRouter({
  port: numberFromEnv('FAKE_OPENROUTER_PORT') ?? 0,
  chunkDelayMs: numberFromEnv('FAKE_OPENROUTER_CHUNK_DELAY_MS'),
  generationDelayMs: numberFromEnv('FAKE_OPENROUTER_GENERATION_DELAY_MS'),
  log: (line) => process.stdout.write(`${line}\n`),
});

process.stdout.write(`fake OpenRouter listening at ${fake.baseUrl}\n`);
process.stderr.write(
  'Any key shaped sk-or-v1-<64 hex> works; scenario keys and models: e2e/fake-openrouter/scenarios.ts\n',
);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await fake.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
