// Renderer: the fields of a conversation's settings (also the defaults for new conversations, and a preset's). Every
// field may be left empty: empty means OpenRouter's own default, and nothing is sent for it.

import { useId, useState } from 'react';
import {
  type ConversationSettings,
  maxFallbackModels,
  type PromptSnippet,
  type ProviderSort,
  providerSorts,
  type ReasoningEffort,
  reasoningEfforts,
  type RoutingSettings,
} from '../../../../shared/conversation-settings';
import type { ModelSummary } from '../../../../shared/domain';
import { modelIdSchema } from '../../../../shared/schemas';
import { ignoredSettings, modelTakes, takesExplicitCaching } from '../../../../shared/settings-support';
import { type ProviderRole, providerRoles, roleOf, withRole } from './provider-roles';
import settingsStyles from '../../components/settings.module.css';
import styles from './conversation-settings.module.css';

const sortLabels: Record<ProviderSort, string> = {
  price: 'Cheapest first',
  throughput: 'Fastest output first',
  latency: 'Quickest to answer first',
};

const roleLabels: Record<ProviderRole, string> = {
  any: 'Any',
  prefer: 'Prefer',
  only: 'Only',
  never: 'Never',
};

const ignoredWords = { temperature: 'temperature', topP: 'top-p', reasoning: 'reasoning' } as const;

interface SettingsFieldsProps {
  value: ConversationSettings;
  onChange(next: ConversationSettings): void;
  /** The model these settings are for; null for defaults and presets that apply to any model. */
  model: ModelSummary | null;
  /** Provider slugs serving the model, to choose from; null while unknown. */
  providers: readonly string[] | null;
  /** The catalogue's model ids, offered for the fallback list. */
  modelIds: readonly string[];
  /** Saved system prompts to pick from and add to; left out where none are offered. */
  snippets?: SnippetChoices;
}

export interface SnippetChoices {
  list: readonly PromptSnippet[] | null;
  save(snippet: PromptSnippet): Promise<boolean>;
}

/** A value set to undefined is removed, so the stored settings hold only what the person set. */
function without<T extends object>(object: T, changes: Partial<T>): T {
  const next = { ...object, ...changes };
  for (const key of Object.keys(changes) as (keyof T)[]) if (next[key] === undefined) delete next[key];
  return next;
}

export function SettingsFields({ value, onChange, model, providers, modelIds, snippets }: SettingsFieldsProps) {
  const id = useId();
  const set = (changes: Partial<ConversationSettings>) => onChange(without(value, changes));
  const routing = value.routing ?? {};
  const setRouting = (changes: Partial<RoutingSettings>) => {
    const next = without(routing, changes);
    set({ routing: Object.keys(next).length > 0 ? next : undefined });
  };
  const ignored = ignoredSettings(value, model);
  const showReasoning = model === null || modelTakes(model, 'reasoning') || ignored.includes('reasoning');

  return (
    <div className={styles.settingsFields}>
      <fieldset>
        <legend>Instructions</legend>
        <label htmlFor={`${id}-system`}>System prompt</label>
        <textarea
          id={`${id}-system`}
          rows={4}
          placeholder="None: the model's own behaviour"
          value={value.systemPrompt ?? ''}
          onChange={(event) => set({ systemPrompt: event.target.value === '' ? undefined : event.target.value })}
        />
        {snippets ? (
          <SnippetPicker
            choices={snippets}
            prompt={value.systemPrompt ?? ''}
            onPick={(systemPrompt) => set({ systemPrompt })}
          />
        ) : null}
      </fieldset>

      <fieldset>
        <legend>Sampling</legend>
        <div className={styles.fieldGrid}>
          <NumberField
            label="Temperature"
            hint="0–2; higher is more varied"
            min={0}
            max={2}
            step={0.1}
            value={value.temperature}
            onChange={(temperature) => set({ temperature })}
          />
          <NumberField
            label="Top-p"
            hint="0–1"
            min={0.01}
            max={1}
            step={0.05}
            value={value.topP}
            onChange={(topP) => set({ topP })}
          />
        </div>
      </fieldset>

      {showReasoning ? (
        <fieldset>
          <legend>Reasoning</legend>
          <div className={styles.fieldGrid}>
            <label>
              <span>Effort</span>
              <select
                value={value.reasoningEffort ?? ''}
                onChange={(event) =>
                  set({
                    reasoningEffort: (event.target.value || undefined) as ReasoningEffort | undefined,
                    // One or the other is sent, never both.
                    ...(event.target.value ? { reasoningMaxTokens: undefined } : {}),
                  })
                }
              >
                <option value="">Model default</option>
                {reasoningEfforts.map((effort) => (
                  <option key={effort} value={effort}>
                    {effort === 'none' ? 'none (no reasoning)' : effort}
                  </option>
                ))}
              </select>
            </label>
            <NumberField
              label="Or a token budget"
              hint="1,024–128,000"
              min={1024}
              max={128_000}
              step={1024}
              integer
              value={value.reasoningMaxTokens}
              onChange={(reasoningMaxTokens) =>
                set({ reasoningMaxTokens, ...(reasoningMaxTokens !== undefined ? { reasoningEffort: undefined } : {}) })
              }
            />
          </div>
          <label className={styles.check}>
            <input
              type="checkbox"
              checked={value.showReasoning !== false}
              onChange={(event) => set({ showReasoning: event.target.checked ? undefined : false })}
            />
            Show the model’s reasoning (when hidden, the model still reasons and it is still billed)
          </label>
        </fieldset>
      ) : null}

      <fieldset>
        <legend>Routing and privacy</legend>
        <label>
          <span>Provider order</span>
          <select
            value={routing.sort ?? ''}
            onChange={(event) => setRouting({ sort: (event.target.value || undefined) as ProviderSort | undefined })}
          >
            <option value="">OpenRouter’s balance of price and uptime</option>
            {providerSorts.map((sort) => (
              <option key={sort} value={sort}>
                {sortLabels[sort]}
              </option>
            ))}
          </select>
        </label>
        {providers === null ? (
          <p className={settingsStyles.hint}>Loading this model’s providers…</p>
        ) : providers.length === 0 ? (
          <p className={settingsStyles.hint}>Choose providers once a model is chosen.</p>
        ) : (
          <table className={styles.providerTable}>
            <caption className="visually-hidden">Providers</caption>
            <tbody>
              {providers.map((provider) => (
                <tr key={provider}>
                  <th scope="row">{provider}</th>
                  <td>
                    <select
                      aria-label={`Use ${provider}`}
                      value={roleOf(routing, provider)}
                      onChange={(event) => setRouting(withRole(routing, provider, event.target.value as ProviderRole))}
                    >
                      {providerRoles.map((role) => (
                        <option key={role} value={role}>
                          {roleLabels[role]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Check
          label="Allow other providers when the chosen ones fail"
          checked={routing.allowFallbacks !== false}
          onChange={(on) => setRouting({ allowFallbacks: on ? undefined : false })}
        />
        <Check
          label="Only providers that take every setting here"
          hint="Otherwise a setting a provider does not support is dropped for it."
          checked={routing.requireParameters === true}
          onChange={(on) => setRouting({ requireParameters: on ? true : undefined })}
        />
        <Check
          label="Don’t let providers store or train on my prompts"
          hint="Fewer providers qualify, so some models become slower or unavailable."
          checked={routing.denyDataCollection === true}
          onChange={(on) => setRouting({ denyDataCollection: on ? true : undefined })}
        />
        <Check
          label="Zero data retention only"
          hint="Only endpoints that keep nothing at all: the fewest providers qualify."
          checked={routing.zeroDataRetention === true}
          onChange={(on) => setRouting({ zeroDataRetention: on ? true : undefined })}
        />
        <div className={styles.fieldGrid}>
          <PriceField
            label="Max prompt price ($/M tokens)"
            value={routing.maxPrice?.prompt}
            onChange={(prompt) => setRouting({ maxPrice: priceCap({ ...routing.maxPrice, prompt }) })}
          />
          <PriceField
            label="Max completion price ($/M tokens)"
            value={routing.maxPrice?.completion}
            onChange={(completion) => setRouting({ maxPrice: priceCap({ ...routing.maxPrice, completion }) })}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>Fallback models</legend>
        <p className={settingsStyles.hint}>
          Tried in this order when the conversation’s model fails; a reply says which answered.
        </p>
        <FallbackModels
          value={value.fallbackModels ?? []}
          modelIds={modelIds}
          onChange={(list) => set({ fallbackModels: list.length > 0 ? list : undefined })}
        />
      </fieldset>

      <fieldset>
        <legend>Web search and caching</legend>
        <Check
          label="Search the web for each message"
          hint="Results are cited under the answer. Costs extra, even on free models."
          checked={value.webSearch?.enabled === true}
          onChange={(on) =>
            set({ webSearch: on ? { enabled: true, maxResults: value.webSearch?.maxResults } : undefined })
          }
        />
        {value.webSearch?.enabled ? (
          <NumberField
            label="Results per search"
            hint="1–10"
            min={1}
            max={10}
            step={1}
            integer
            value={value.webSearch.maxResults}
            onChange={(maxResults) => set({ webSearch: without({ enabled: true, maxResults }, { maxResults }) })}
          />
        ) : null}
        <label>
          <span>Prompt caching</span>
          <select
            value={value.promptCaching === undefined ? '' : value.promptCaching ? 'on' : 'off'}
            onChange={(event) =>
              set({ promptCaching: event.target.value === '' ? undefined : event.target.value === 'on' })
            }
          >
            <option value="">
              Automatic
              {model
                ? takesExplicitCaching(model.id)
                  ? ' (on for this model)'
                  : ' (the provider caches by itself)'
                : ''}
            </option>
            <option value="on">On</option>
            <option value="off">Off</option>
          </select>
        </label>
      </fieldset>

      {ignored.length > 0 ? (
        <p className={styles.settingsNote} role="note">
          {model?.name ?? 'This model'} does not take {ignored.map((field) => ignoredWords[field]).join(', ')}
          {routing.requireParameters
            ? ': only providers that do will be used.'
            : ': Switchboard leaves them out for this model.'}
        </p>
      ) : null}
    </div>
  );
}

function priceCap(cap: { prompt?: string | undefined; completion?: string | undefined }) {
  const next = without(cap, { prompt: cap.prompt, completion: cap.completion });
  return Object.keys(next).length > 0 ? next : undefined;
}

function Check(props: { label: string; hint?: string; checked: boolean; onChange(on: boolean): void }) {
  const hintId = useId();
  return (
    <label className={styles.check}>
      <input
        type="checkbox"
        checked={props.checked}
        aria-describedby={props.hint ? hintId : undefined}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <span>
        {props.label}
        {props.hint ? (
          <span id={hintId} className={settingsStyles.hint}>
            {' '}
            {props.hint}
          </span>
        ) : null}
      </span>
    </label>
  );
}

interface NumberFieldProps {
  label: string;
  hint: string;
  min: number;
  max: number;
  step: number;
  integer?: boolean;
  value: number | undefined;
  onChange(value: number | undefined): void;
}

/** Text while typing ("0." is on its way to 0.5); the value changes only when the text is a number in range. */
function NumberField({ label, hint, min, max, step, integer = false, value, onChange }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if (Number(text) !== value) setText(value === undefined ? '' : String(value));
  }
  const parsed = Number(text);
  const valid =
    text.trim() === '' ||
    (Number.isFinite(parsed) && parsed >= min && parsed <= max && (!integer || Number.isInteger(parsed)));
  return (
    <label htmlFor={id}>
      <span>{label}</span>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        placeholder="default"
        value={text}
        aria-invalid={!valid}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          const number = Number(next);
          if (next.trim() === '') onChange(undefined);
          else if (Number.isFinite(number) && number >= min && number <= max && (!integer || Number.isInteger(number)))
            onChange(number);
        }}
      />
      <span id={`${id}-hint`} className={valid ? settingsStyles.hint : styles.fieldProblem}>
        {valid ? hint : `Enter ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, or leave it empty.`}
      </span>
    </label>
  );
}

function PriceField(props: { label: string; value: string | undefined; onChange(value: string | undefined): void }) {
  const id = useId();
  const [text, setText] = useState(props.value ?? '');
  const valid = text.trim() === '' || /^\d{1,6}(\.\d{1,6})?$/.test(text.trim());
  return (
    <label htmlFor={id}>
      <span>{props.label}</span>
      <input
        id={id}
        inputMode="decimal"
        placeholder="no cap"
        value={text}
        aria-invalid={!valid}
        onChange={(event) => {
          const next = event.target.value.replace(/^\$/, '');
          setText(next);
          if (next.trim() === '') props.onChange(undefined);
          else if (/^\d{1,6}(\.\d{1,6})?$/.test(next.trim())) props.onChange(next.trim());
        }}
      />
      {valid ? null : <span className={styles.fieldProblem}>Enter dollars per million tokens, such as 2.5.</span>}
    </label>
  );
}

function FallbackModels(props: {
  value: readonly string[];
  modelIds: readonly string[];
  onChange(list: string[]): void;
}) {
  const listId = useId();
  const [draft, setDraft] = useState('');
  const candidate = draft.trim();
  const acceptable = modelIdSchema.safeParse(candidate).success && !props.value.includes(candidate);
  return (
    <div className={styles.fallbackModels}>
      {props.value.length > 0 ? (
        <ol>
          {props.value.map((model, index) => (
            <li key={model}>
              <code>{model}</code>
              <button
                type="button"
                aria-label={`Try ${model} earlier`}
                disabled={index === 0}
                onClick={() => {
                  const next = [...props.value];
                  [next[index - 1], next[index]] = [next[index]!, next[index - 1]!];
                  props.onChange(next);
                }}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={`Remove ${model} from the fallbacks`}
                onClick={() => props.onChange(props.value.filter((item) => item !== model))}
              >
                ×
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      {props.value.length < maxFallbackModels ? (
        <form
          className={styles.inlineForm}
          onSubmit={(event) => {
            event.preventDefault();
            if (!acceptable) return;
            props.onChange([...props.value, candidate]);
            setDraft('');
          }}
        >
          <input
            aria-label="Fallback model id"
            list={listId}
            placeholder="author/model, e.g. openai/gpt-4o-mini"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <datalist id={listId}>
            {props.modelIds.map((model) => (
              <option key={model} value={model} />
            ))}
          </datalist>
          <button type="submit" disabled={!acceptable}>
            Add fallback
          </button>
        </form>
      ) : (
        <p className={settingsStyles.hint}>OpenRouter takes at most {maxFallbackModels} fallback models.</p>
      )}
    </div>
  );
}

/** Pick a saved system prompt, or keep the one written here under a name for other conversations. */
function SnippetPicker(props: { choices: SnippetChoices; prompt: string; onPick(text: string): void }) {
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const list = props.choices.list;
  return (
    <div className={styles.snippetPicker}>
      <label>
        <span>Saved prompts</span>
        <select
          value=""
          disabled={!list || list.length === 0}
          onChange={(event) => {
            const picked = list?.find((item) => item.name === event.target.value);
            if (picked) props.onPick(picked.text);
          }}
        >
          <option value="">{list && list.length > 0 ? 'Use a saved prompt…' : 'None saved yet'}</option>
          {(list ?? []).map((item) => (
            <option key={item.name} value={item.name}>
              {item.name}
            </option>
          ))}
        </select>
      </label>
      <div className={styles.inlineForm}>
        <input
          aria-label="Name for this prompt"
          placeholder="Name, to keep this prompt"
          maxLength={60}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button
          type="button"
          disabled={name.trim() === '' || props.prompt.trim() === ''}
          onClick={() => {
            const kept = name.trim();
            void props.choices.save({ name: kept, text: props.prompt }).then((ok) => {
              if (ok) {
                setSaved(`Saved “${kept}”.`);
                setName('');
              }
            });
          }}
        >
          Save prompt
        </button>
      </div>
      {saved ? (
        <p role="status" className={settingsStyles.hint}>
          {saved}
        </p>
      ) : null}
    </div>
  );
}
