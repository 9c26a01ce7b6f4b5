import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuilderConfig, schemaProblems } from './builder-config';

const projectConfig = join(import.meta.dirname, '../../electron-builder.yml');

describe("electron-builder.yml against electron-builder's schema", () => {
  it('validates', () => {
    expect(schemaProblems(loadBuilderConfig(projectConfig))).toEqual([]);
  });

  it('rejects an unknown key and a wrongly typed value, naming them', () => {
    const config = loadBuilderConfig(projectConfig);
    expect(schemaProblems({ ...config, appIdd: 'x' }).join('\n')).toContain(
      'electron-builder.yml: must NOT have additional properties (appIdd)',
    );
    expect(schemaProblems({ ...config, asarUnpack: 42 }).join('\n')).toMatch(/electron-builder\.yml\.asarUnpack/);
  });
});
