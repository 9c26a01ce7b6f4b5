// electron-builder.yml as electron-builder reads it, and its validation against electron-builder's own JSON schema
// (app-builder-lib ships scheme.json; ajv is the validator electron-builder itself depends on).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';

// app-builder-lib is electron-builder's engine: take the schema of the copy electron-builder really uses.
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));

export interface BuilderConfig {
  files?: unknown;
  asarUnpack?: string[];
  electronFuses?: Record<string, unknown>;
  [key: string]: unknown;
}

export function loadBuilderConfig(file: string): BuilderConfig {
  const config = load(readFileSync(file, 'utf8'));
  if (!config || typeof config !== 'object') throw new Error(`${file} is not a YAML mapping`);
  return config as BuilderConfig;
}

/** Schema errors in words (empty when the config is valid). */
export function schemaProblems(config: unknown): string[] {
  const schema = JSON.parse(readFileSync(requireFromBuilder.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
  // The schema uses draft-07 keywords ajv's strict mode rejects (e.g. unknown "tsType" annotations).
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (validate(config)) return [];
  return (validate.errors ?? []).map((e) => {
    const extra = (e.params as { additionalProperty?: string }).additionalProperty;
    return `electron-builder.yml${e.instancePath.replaceAll('/', '.')}: ${e.message ?? 'invalid'}${extra ? ` (${extra})` : ''}`;
  });
}
