// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationSettings } from '../../../../shared/conversation-settings';
import type { ModelSummary } from '../../../../shared/domain';
import { mount, type Mounted } from '../markdown/test-dom';
import { modelFixture } from '../../test-support/model-fixture';
import { SettingsFields } from './SettingsFields';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

const sampler = modelFixture({ id: 'openai/gpt-4o-mini', supportedParameters: ['temperature', 'top_p'] });
const bare = modelFixture({ id: 'acme/plain', name: 'Acme Plain', supportedParameters: ['max_tokens'] });

/** Mounts the fields as a parent would: every change is kept and shown again. */
function show(initial: ConversationSettings, model: ModelSummary | null = sampler, providers: string[] | null = []) {
  const state = { value: initial };
  const render = () =>
    mounted!.render(
      <SettingsFields
        value={state.value}
        onChange={(next) => {
          state.value = next;
          render();
        }}
        model={model}
        providers={providers}
        modelIds={['openai/gpt-4o', 'anthropic/claude-sonnet-4.5']}
      />,
    );
  mounted = mount(<div />);
  render();
  return { state, page: mounted.container };
}

function byLabel<T extends HTMLElement>(page: HTMLElement, text: string): T {
  const label = [...page.querySelectorAll('label')].find((item) => item.textContent?.includes(text));
  const control =
    label?.querySelector('input, select, textarea') ??
    (label?.htmlFor ? page.querySelector(`#${CSS.escape(label.htmlFor)}`) : null);
  if (!control) throw new Error(`no control labelled ${text}`);
  return control as T;
}

function type(input: HTMLInputElement | HTMLTextAreaElement, text: string) {
  act(() => {
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!;
    setter.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

function click(element: HTMLElement) {
  act(() => element.click());
}

describe('conversation settings fields', () => {
  it('keeps only what the person set: a number typed is stored, an emptied one is removed', () => {
    const { state, page } = show({});
    type(byLabel(page, 'System prompt'), 'Answer briefly.');
    type(byLabel(page, 'Temperature'), '0.7');
    expect(state.value).toEqual({ systemPrompt: 'Answer briefly.', temperature: 0.7 });
    type(byLabel(page, 'Temperature'), '');
    type(byLabel(page, 'System prompt'), '');
    expect(state.value).toEqual({});
  });

  it('refuses a number out of range without storing it, and says what is allowed', () => {
    const { state, page } = show({ temperature: 1 });
    type(byLabel(page, 'Temperature'), '3');
    expect(state.value.temperature).toBe(1);
    expect(page.textContent).toContain('Enter a number from 0 to 2, or leave it empty.');
  });

  it('names the settings this model does not take', () => {
    const { page } = show({ temperature: 0.2, topP: 0.9 }, bare);
    expect(page.querySelector('[role="note"]')?.textContent).toBe(
      'Acme Plain does not take temperature, top-p: Switchboard leaves them out for this model.',
    );
  });

  it('sets routing and privacy, and clears the routing object when nothing is left in it', () => {
    const { state, page } = show({}, sampler, ['openai', 'azure']);
    choose(byLabel(page, 'Provider order'), 'price');
    choose(page.querySelector<HTMLSelectElement>('select[aria-label="Use azure"]')!, 'prefer');
    choose(page.querySelector<HTMLSelectElement>('select[aria-label="Use openai"]')!, 'never');
    click(byLabel(page, 'Don’t let providers store or train'));
    click(byLabel(page, 'Zero data retention only'));
    type(byLabel(page, 'Max prompt price'), '2.5');
    expect(state.value).toEqual({
      routing: {
        sort: 'price',
        order: ['azure'],
        ignore: ['openai'],
        denyDataCollection: true,
        zeroDataRetention: true,
        maxPrice: { prompt: '2.5' },
      },
    });
    choose(byLabel(page, 'Provider order'), '');
    choose(page.querySelector<HTMLSelectElement>('select[aria-label="Use azure"]')!, 'any');
    choose(page.querySelector<HTMLSelectElement>('select[aria-label="Use openai"]')!, 'any');
    click(byLabel(page, 'Don’t let providers store or train'));
    click(byLabel(page, 'Zero data retention only'));
    type(byLabel(page, 'Max prompt price'), '');
    expect(state.value).toEqual({});
  });

  it('takes up to three fallback models, in order, and no more', () => {
    const { state, page } = show({});
    const add = (model: string) => {
      const field = page.querySelector<HTMLInputElement>('input[aria-label="Fallback model id"]')!;
      type(field, model);
      act(() => field.form!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    };
    add('openai/gpt-4o');
    add('anthropic/claude-sonnet-4.5');
    add('not a model');
    add('google/gemini-2.5-flash');
    expect(state.value.fallbackModels).toEqual([
      'openai/gpt-4o',
      'anthropic/claude-sonnet-4.5',
      'google/gemini-2.5-flash',
    ]);
    expect(page.querySelector('input[aria-label="Fallback model id"]')).toBeNull();
    click(page.querySelector<HTMLButtonElement>('button[aria-label="Try google/gemini-2.5-flash earlier"]')!);
    expect(state.value.fallbackModels).toEqual([
      'openai/gpt-4o',
      'google/gemini-2.5-flash',
      'anthropic/claude-sonnet-4.5',
    ]);
  });

  it('turns web search on with a result count, and reasoning effort and budget exclude each other', () => {
    const reasoner = modelFixture({
      id: 'anthropic/claude-sonnet-4.5',
      supportsReasoning: true,
      supportedParameters: ['reasoning'],
    });
    const { state, page } = show({}, reasoner);
    click(byLabel(page, 'Search the web'));
    type(byLabel(page, 'Results per search'), '3');
    choose(byLabel(page, 'Effort'), 'high');
    type(byLabel(page, 'Or a token budget'), '4096');
    expect(state.value).toEqual({ webSearch: { enabled: true, maxResults: 3 }, reasoningMaxTokens: 4096 });
    click(byLabel(page, 'Show the model’s reasoning'));
    expect(state.value.showReasoning).toBe(false);
    expect(byLabel<HTMLSelectElement>(page, 'Prompt caching').options[0]?.textContent).toBe(
      'Automatic (on for this model)',
    );
  });
});
