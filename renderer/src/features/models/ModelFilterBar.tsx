// Renderer: the palette's filters (toggles and caps) and its sort order.

import type { ModelFilters, ModelSort } from './model-query';
import { activeFilterCount, type InputModalityFilter, noFilters, sortLabels } from './model-query';
import styles from './models.module.css';

interface ModelFilterBarProps {
  filters: ModelFilters;
  sort: ModelSort;
  onFilters(filters: ModelFilters): void;
  onSort(sort: ModelSort): void;
}

type Flag = 'freeOnly' | 'imageOutput' | 'reasoning' | 'tools' | 'structuredOutput';

const flags: { key: Flag; label: string }[] = [
  { key: 'freeOnly', label: 'Free' },
  { key: 'reasoning', label: 'Reasoning' },
  { key: 'tools', label: 'Tools' },
  { key: 'structuredOutput', label: 'Structured output' },
  { key: 'imageOutput', label: 'Makes images' },
];

const inputs: { kind: InputModalityFilter; label: string }[] = [
  { kind: 'image', label: 'Reads images' },
  { kind: 'file', label: 'Reads PDFs' },
  { kind: 'audio', label: 'Hears audio' },
];

/** USD per million tokens. */
const inputCaps = [0.1, 0.5, 1, 3, 10];
const outputCaps = [0.5, 2, 5, 15, 50];
const contextFloors = [8_000, 32_000, 128_000, 200_000, 1_000_000];

const dollars = (value: number) => `$${value}`;
const tokens = (value: number) => (value >= 1_000_000 ? `${value / 1_000_000}M` : `${value / 1000}K`);

function CapSelect(props: {
  label: string;
  value: number | null;
  options: number[];
  format(value: number): string;
  prefix: string;
  onChange(value: number | null): void;
}) {
  return (
    <label className={styles.filterSelect}>
      <span>{props.label}</span>
      <select
        value={props.value ?? ''}
        onChange={(event) => props.onChange(event.target.value === '' ? null : Number(event.target.value))}
      >
        <option value="">any</option>
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.prefix} {props.format(option)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ModelFilterBar({ filters, sort, onFilters, onSort }: ModelFilterBarProps) {
  const count = activeFilterCount(filters);
  const toggleInput = (kind: InputModalityFilter) =>
    onFilters({
      ...filters,
      inputModalities: filters.inputModalities.includes(kind)
        ? filters.inputModalities.filter((item) => item !== kind)
        : [...filters.inputModalities, kind],
    });
  return (
    <div className={styles.modelFilters} role="group" aria-label="Filters">
      <div className={styles.filterToggles}>
        {flags.map(({ key, label }) => (
          <button
            key={key}
            type="button"
            className={styles.chip}
            aria-pressed={filters[key]}
            onClick={() => onFilters({ ...filters, [key]: !filters[key] })}
          >
            {label}
          </button>
        ))}
        {inputs.map(({ kind, label }) => (
          <button
            key={kind}
            type="button"
            className={styles.chip}
            aria-pressed={filters.inputModalities.includes(kind)}
            onClick={() => toggleInput(kind)}
          >
            {label}
          </button>
        ))}
      </div>
      <div className={styles.filterSelects}>
        <CapSelect
          label="Input $/M"
          prefix="≤"
          value={filters.maxInputPrice}
          options={inputCaps}
          format={dollars}
          onChange={(maxInputPrice) => onFilters({ ...filters, maxInputPrice })}
        />
        <CapSelect
          label="Output $/M"
          prefix="≤"
          value={filters.maxOutputPrice}
          options={outputCaps}
          format={dollars}
          onChange={(maxOutputPrice) => onFilters({ ...filters, maxOutputPrice })}
        />
        <CapSelect
          label="Context"
          prefix="≥"
          value={filters.minContext}
          options={contextFloors}
          format={tokens}
          onChange={(minContext) => onFilters({ ...filters, minContext })}
        />
        <label className={styles.filterSelect}>
          <span>Sort</span>
          <select value={sort} onChange={(event) => onSort(event.target.value as ModelSort)}>
            {(Object.keys(sortLabels) as ModelSort[]).map((key) => (
              <option key={key} value={key}>
                {sortLabels[key]}
              </option>
            ))}
          </select>
        </label>
        {count > 0 ? (
          <button type="button" className="link-button" onClick={() => onFilters(noFilters)}>
            Clear {count === 1 ? 'filter' : `${count} filters`}
          </button>
        ) : null}
      </div>
    </div>
  );
}
