// Renderer: choose the model by typing: a filtered list of the catalogue, or any well-formed id.

import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import type { ModelSummary } from '../../../shared/domain';
import { formatPricePerMillion } from '../lib/format';
import { filterModels } from '../lib/model-filter';
import { selectCurrentModel } from '../store/selectors';
import { useAppStore } from '../store/use-app-store';

function priceText(model: ModelSummary): string {
  if (model.isFree) return 'free';
  return `${formatPricePerMillion(model.promptPrice)} in · ${formatPricePerMillion(model.completionPrice)} out`;
}

export function ModelPicker() {
  const id = useId();
  const current = useAppStore(selectCurrentModel);
  const models = useAppStore((s) => s.models);
  const status = useAppStore((s) => s.modelsStatus);
  const chooseModel = useAppStore((s) => s.chooseModel);
  const loadModels = useAppStore((s) => s.loadModels);

  /** What the person typed; null shows the current model, so the field follows conversation switches by itself. */
  const [edit, setEdit] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [hint, setHint] = useState<string | null>(null);
  const text = edit ?? current;

  // Until the person types, the list shows the whole catalogue rather than just the current id.
  const options = useMemo(() => filterModels(models, edit ?? '', 50), [models, edit]);
  const currentSummary = models.find((model) => model.id === current);
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(`${id}-option-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, id]);

  const close = () => {
    setOpen(false);
    setActiveIndex(-1);
  };

  const commit = async (value: string) => {
    close();
    setEdit(null);
    const wanted = value.trim();
    if (wanted === '' || wanted === current) return;
    // chooseModel updates the current model before it awaits the host, so the field never flashes back.
    if (await chooseModel(wanted)) setHint(null);
    else setHint(`“${wanted}” is not a model id (they look like openai/gpt-4o-mini); still using ${current}.`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActiveIndex((index) => Math.min(index + 1, options.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActiveIndex((index) => Math.max(index - 1, -1));
        break;
      case 'Enter': {
        event.preventDefault();
        const chosen = open && activeIndex >= 0 ? options[activeIndex] : undefined;
        void commit(chosen ? chosen.id : text);
        break;
      }
      case 'Escape':
        if (open || edit !== null) {
          event.preventDefault();
          close();
          setEdit(null);
        }
        break;
    }
  };

  return (
    <div className="model-picker">
      <label htmlFor={`${id}-input`}>Model</label>
      <div className="combobox">
        <input
          id={`${id}-input`}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && activeIndex >= 0 ? optionId(activeIndex) : undefined}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          spellCheck={false}
          value={text}
          onFocus={(event) => {
            setHint(null);
            event.target.select();
          }}
          onBlur={() => {
            // Leaving the field applies what was typed, as a settings field would.
            if (edit !== null) void commit(edit);
            else close();
          }}
          onClick={() => setOpen(true)}
          onChange={(event) => {
            setEdit(event.target.value);
            setOpen(true);
            setActiveIndex(-1);
          }}
          onKeyDown={onKeyDown}
        />
        {open ? (
          <div className="combobox-popup">
            <ul role="listbox" id={listId} aria-label="Models">
              {options.map((model, index) => (
                <li
                  key={model.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === activeIndex}
                  className={index === activeIndex ? 'active' : undefined}
                  // Keep focus in the input so blur does not commit the half-typed text first.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => void commit(model.id)}
                >
                  <span className="option-name">{model.name}</span>
                  <span className="option-id">{model.id}</span>
                  <span className="option-price">{priceText(model)}</span>
                </li>
              ))}
            </ul>
            {status === 'loading' ? <p className="popup-note">Loading the model list…</p> : null}
            {status === 'error' ? (
              <p className="popup-note">
                Could not load the model list. You can still type a model id such as openai/gpt-4o-mini.{' '}
                <button
                  type="button"
                  className="link-button"
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => void loadModels()}
                >
                  Retry
                </button>
              </p>
            ) : null}
            {status === 'ready' && options.length === 0 ? (
              <p className="popup-note">
                No model in the catalogue matches; press Enter to use “{text.trim()}” as an id.
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      <p id={`${id}-hint`} className="model-hint" aria-live="polite">
        {hint ?? (currentSummary ? priceText(currentSummary) : '')}
      </p>
    </div>
  );
}
