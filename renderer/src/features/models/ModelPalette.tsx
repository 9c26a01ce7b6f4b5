// Renderer: the model palette: type to search the whole catalogue, arrows to move, Enter to choose, Esc to close.
// A dialog over the chat, keyboard-first; the list is virtualized, so every model is reachable by scrolling.

import { type KeyboardEvent, useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { VList, type VListHandle } from 'virtua';
import type { ModelSummary } from '../../../../shared/domain';
import { modelIdSchema } from '../../../../shared/schemas';
import { Modal } from '../../components/Modal';
import { selectModelEntry } from '../../store/models-slice';
import { selectCurrentModel } from '../../store/selectors';
import type { ModelPalettePurpose } from '../../store/types';
import { useAppStore } from '../../store/use-app-store';
import { CatalogueStatus } from './CatalogueStatus';
import { ModelDetails } from './ModelDetails';
import { ModelFilterBar } from './ModelFilterBar';
import { ModelRow, TypedIdRow } from './ModelRow';
import { activeFilterCount, type ModelFilters, type ModelSort, noFilters, queryModels } from './model-query';
import styles from './models.module.css';

type Item = { kind: 'model'; model: ModelSummary } | { kind: 'typed'; id: string };

const itemKey = (item: Item) => (item.kind === 'model' ? item.model.id : `typed:${item.id}`);

/** Every row is this tall (models.css); told to the list, so it never has to measure before drawing. */
const rowHeight = 56;

export interface PaletteView {
  filters: ModelFilters;
  sort: ModelSort;
}

interface ModelPaletteProps {
  /** Closed, it stays mounted and hidden; each opening starts with an empty query at the current model. */
  open: boolean;
  purpose: ModelPalettePurpose;
  /** Filters and sort outlive one opening of the palette; the query does not. */
  view: PaletteView;
  onView(view: PaletteView): void;
  onClose(): void;
}

export function ModelPalette({ open, purpose, view, onView, onClose }: ModelPaletteProps) {
  const id = useId();
  const models = useAppStore((s) => s.models);
  const favorites = useAppStore((s) => s.favoriteModels);
  const recents = useAppStore((s) => s.recentModels);
  const defaultModel = useAppStore((s) => s.defaultModel);
  const conversationModel = useAppStore(selectCurrentModel);
  const chooseModel = useAppStore((s) => s.chooseModel);
  const setDefaultModel = useAppStore((s) => s.setDefaultModel);
  const toggleFavorite = useAppStore((s) => s.toggleFavorite);
  const addCompareModel = useAppStore((s) => s.addCompareModel);
  const current = purpose === 'default' ? defaultModel : conversationModel;
  const currentUnlisted = useAppStore((s) => s.models.length > 0 && selectModelEntry(s, current) === null);

  const [query, setQuery] = useState('');
  const list = useRef<VListHandle>(null);
  // Each opening is a fresh start: no query, the current model highlighted (see the layout effect below).
  const [openings, setOpenings] = useState(0);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setQuery('');
      setOpenings((count) => count + 1);
    }
  }

  const items = useMemo<Item[]>(() => {
    const found = queryModels(models, { query, filters: view.filters, sort: view.sort, favorites, recents });
    const list: Item[] = found.map((model) => ({ kind: 'model', model }));
    const typed = query.trim();
    // An id OpenRouter accepts but does not list (a :nitro variant, say) can still be used as typed.
    if (modelIdSchema.safeParse(typed).success && !models.some((model) => model.id === typed)) {
      list.unshift({ kind: 'typed', id: typed });
    }
    return list;
    // favorites/recents are left out on purpose: starring a row must not reshuffle the list under the pointer. Each
    // opening orders them afresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [models, query, view, openings]);

  /** Where the current model is: highlighted when the palette opens, and when the catalogue first arrives. */
  const currentIndex = () => {
    const at = items.findIndex((item) => item.kind === 'model' && item.model.id === current);
    return at === -1 ? 0 : at;
  };
  const [activeIndex, setActiveIndex] = useState(currentIndex);
  const [seenModels, setSeenModels] = useState(models);
  const [highlightedFor, setHighlightedFor] = useState(openings);
  // Once the list is the whole catalogue again (the query reset above), the current model is found in it.
  if (seenModels !== models || (highlightedFor !== openings && query === '')) {
    setSeenModels(models);
    setHighlightedFor(openings);
    setActiveIndex(currentIndex());
  }

  // The current model is in view when the palette paints on opening, two rows below the top where the list allows.
  useLayoutEffect(() => {
    if (!open) return;
    list.current?.scrollToIndex(Math.max(0, currentIndex() - 2), { align: 'start' });
    // Only on opening: later changes of the list (typing, filters) place the highlight themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openings]);

  const moveTo = useCallback(
    (index: number) => {
      if (items.length === 0) return;
      const next = Math.max(0, Math.min(items.length - 1, index));
      setActiveIndex(next);
      list.current?.scrollToIndex(next, { align: 'nearest' });
    },
    [items.length],
  );

  const active = items[activeIndex];
  const activeModel = active?.kind === 'model' ? active.model : null;
  const optionId = (index: number) => `${id}-option-${index}`;

  const choose = (item: Item | undefined) => {
    if (!item) return;
    const chosen = item.kind === 'model' ? item.model.id : item.id;
    if (purpose === 'default') void setDefaultModel(chosen);
    else if (purpose === 'compare') void addCompareModel(chosen);
    else void chooseModel(chosen);
    onClose();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const page = 8;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        moveTo(activeIndex + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        moveTo(activeIndex - 1);
        break;
      case 'PageDown':
        event.preventDefault();
        moveTo(activeIndex + page);
        break;
      case 'PageUp':
        event.preventDefault();
        moveTo(activeIndex - page);
        break;
      case 'Enter':
        event.preventDefault();
        choose(active);
        break;
    }
  };

  const filtered = activeFilterCount(view.filters) > 0;
  const title =
    purpose === 'default'
      ? 'Default model for new conversations'
      : purpose === 'compare'
        ? 'Add a model to the compare'
        : 'Choose a model';

  return (
    <Modal role="dialog" label={title} className={styles.modelPalette} open={open} onClose={onClose}>
      <div className={styles.paletteSearch}>
        <input
          data-autofocus
          type="search"
          role="combobox"
          aria-label="Search models"
          aria-expanded="true"
          aria-controls={`${id}-list`}
          aria-activedescendant={active ? optionId(activeIndex) : undefined}
          aria-autocomplete="list"
          placeholder={
            purpose === 'default'
              ? 'Default model for new chats: search…'
              : 'Search models: name, id, provider, “free”…'
          }
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActiveIndex(0);
            list.current?.scrollTo(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <ModelFilterBar
        filters={view.filters}
        sort={view.sort}
        onFilters={(filters) => {
          onView({ ...view, filters });
          setActiveIndex(0);
        }}
        onSort={(sort) => {
          onView({ ...view, sort });
          setActiveIndex(0);
        }}
      />
      {currentUnlisted ? (
        <p className={styles.paletteNote} role="status">
          {current} is not in OpenRouter’s catalogue any more; choose another model.
        </p>
      ) : null}
      <div className={styles.paletteBody}>
        <div className={styles.paletteList} id={`${id}-list`}>
          {items.length === 0 ? (
            <div className={styles.paletteEmpty}>
              <p>
                {models.length === 0
                  ? 'No catalogue yet. Type a model id such as openai/gpt-4o-mini, or Refresh below.'
                  : `No models match${query.trim() ? ` “${query.trim()}”` : ''}${filtered ? ' with these filters' : ''}.`}
              </p>
              {filtered ? (
                <button type="button" onClick={() => onView({ ...view, filters: noFilters })}>
                  Clear filters
                </button>
              ) : null}
              {query.trim() ? (
                <button type="button" onClick={() => setQuery('')}>
                  Clear search
                </button>
              ) : null}
            </div>
          ) : (
            <VList
              ref={list}
              data={items}
              className={styles.paletteScroller}
              role="listbox"
              aria-label="Models"
              itemSize={rowHeight}
            >
              {(item, index) =>
                item.kind === 'model' ? (
                  <ModelRow
                    key={itemKey(item)}
                    model={item.model}
                    optionId={optionId(index)}
                    active={index === activeIndex}
                    current={item.model.id === current}
                    favorite={favorites.includes(item.model.id)}
                    onChoose={() => choose(item)}
                    onHover={() => setActiveIndex(index)}
                    onToggleFavorite={() => void toggleFavorite(item.model.id)}
                  />
                ) : (
                  <TypedIdRow
                    key={itemKey(item)}
                    id={item.id}
                    optionId={optionId(index)}
                    active={index === activeIndex}
                    onChoose={() => choose(item)}
                    onHover={() => setActiveIndex(index)}
                  />
                )
              }
            </VList>
          )}
        </div>
        {activeModel ? (
          <ModelDetails
            model={activeModel}
            favorite={favorites.includes(activeModel.id)}
            isDefault={defaultModel === activeModel.id}
            onToggleFavorite={() => void toggleFavorite(activeModel.id)}
            onMakeDefault={() => void setDefaultModel(activeModel.id)}
          />
        ) : null}
      </div>
      <CatalogueStatus shown={items.filter((item) => item.kind === 'model').length} />
    </Modal>
  );
}
