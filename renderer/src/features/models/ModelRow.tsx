// Renderer: one option of the model palette: what is needed to choose, without opening anything else.

import { Shuffle, Star, TriangleAlert } from 'lucide-react';
import type { ModelSummary } from '../../../../shared/domain';
import { CapabilityIcons } from './ModelBadges';
import { displayName, formatRetirement, formatTokenCount, priceSummary } from './model-format';
import clsx from 'clsx';
import styles from './models.module.css';

interface ModelRowProps {
  model: ModelSummary;
  optionId: string;
  active: boolean;
  current: boolean;
  favorite: boolean;
  onChoose(): void;
  onHover(): void;
  onToggleFavorite(): void;
}

export function ModelRow({
  model,
  optionId,
  active,
  current,
  favorite,
  onChoose,
  onHover,
  onToggleFavorite,
}: ModelRowProps) {
  return (
    <div
      id={optionId}
      role="option"
      aria-selected={active}
      aria-label={`${model.name}, ${model.id}, ${priceSummary(model)}${current ? ', current' : ''}`}
      aria-current={current ? 'true' : undefined}
      className={clsx(styles.modelOption, active && styles.active, current && styles.current)}
      // Focus stays in the search field, where the keys are.
      onMouseDown={(event) => event.preventDefault()}
      onMouseMove={active ? undefined : onHover}
      onClick={onChoose}
    >
      <button
        type="button"
        tabIndex={-1}
        className={clsx(styles.star, favorite && styles.on)}
        aria-label={favorite ? `Remove ${model.name} from favorites` : `Add ${model.name} to favorites`}
        title={favorite ? 'Favorite (click to remove)' : 'Add to favorites'}
        onClick={(event) => {
          event.stopPropagation();
          onToggleFavorite();
        }}
      >
        <Star aria-hidden="true" size={15} fill={favorite ? 'currentColor' : 'none'} />
      </button>
      <div className={styles.optionMain}>
        <div className={styles.optionLine}>
          <span className={styles.optionName} title={model.name}>
            {displayName(model)}
          </span>
          <span className={styles.optionAuthor}>{model.author}</span>
          {model.isRouter ? (
            <span className={styles.tag} title="Picks a model for each request; each reply names the one that answered">
              <Shuffle aria-hidden="true" size={12} /> router
            </span>
          ) : null}
          {current ? <span className={clsx(styles.tag, styles.currentTag)}>current</span> : null}
          <span className={styles.optionPrice} data-testid="model-price">
            {priceSummary(model)}
          </span>
        </div>
        <div className={clsx(styles.optionLine, styles.secondary)}>
          <span className={styles.optionId} data-testid="model-id" title={model.id}>
            {model.id}
          </span>
          <span className={styles.optionSize} data-testid="model-size" title="Context length · longest answer">
            {formatTokenCount(model.contextLength)} context
            {model.maxCompletionTokens !== null ? ` · ${formatTokenCount(model.maxCompletionTokens)} out` : ''}
          </span>
          <CapabilityIcons model={model} />
          {model.expirationDate ? (
            <span className={clsx(styles.tag, styles.retiring)}>
              <TriangleAlert aria-hidden="true" size={12} /> retiring on {formatRetirement(model.expirationDate)}
            </span>
          ) : null}
        </div>
      </div>
    </div>
  );
}

export function TypedIdRow({
  id,
  optionId,
  active,
  onChoose,
  onHover,
}: {
  id: string;
  optionId: string;
  active: boolean;
  onChoose(): void;
  onHover(): void;
}) {
  return (
    <div
      id={optionId}
      role="option"
      aria-selected={active}
      className={clsx(styles.modelOption, active && styles.active)}
      onMouseDown={(event) => event.preventDefault()}
      onMouseMove={active ? undefined : onHover}
      onClick={onChoose}
    >
      <div className={styles.optionMain}>
        <div className={styles.optionLine}>
          <span className={styles.optionName}>Use “{id}” as typed</span>
        </div>
        <div className={clsx(styles.optionLine, styles.secondary)}>
          <span>Not in the catalogue: a variant (such as :nitro) or a model OpenRouter lists elsewhere.</span>
        </div>
      </div>
    </div>
  );
}
