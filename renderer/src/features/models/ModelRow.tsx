// Renderer: one option of the model palette: what is needed to choose, without opening anything else.

import { Shuffle, Star, TriangleAlert } from 'lucide-react';
import type { ModelSummary } from '../../../../shared/domain';
import { CapabilityIcons } from './ModelBadges';
import { displayName, formatRetirement, formatTokenCount, priceSummary } from './model-format';

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
      className={`model-option${active ? ' active' : ''}${current ? ' current' : ''}`}
      // Focus stays in the search field, where the keys are.
      onMouseDown={(event) => event.preventDefault()}
      onMouseMove={active ? undefined : onHover}
      onClick={onChoose}
    >
      <button
        type="button"
        tabIndex={-1}
        className={`star${favorite ? ' on' : ''}`}
        aria-label={favorite ? `Remove ${model.name} from favorites` : `Add ${model.name} to favorites`}
        title={favorite ? 'Favorite (click to remove)' : 'Add to favorites'}
        onClick={(event) => {
          event.stopPropagation();
          onToggleFavorite();
        }}
      >
        <Star aria-hidden="true" size={15} fill={favorite ? 'currentColor' : 'none'} />
      </button>
      <div className="option-main">
        <div className="option-line">
          <span className="option-name" title={model.name}>
            {displayName(model)}
          </span>
          <span className="option-author">{model.author}</span>
          {model.isRouter ? (
            <span className="tag router" title="Picks a model for each request; each reply names the one that answered">
              <Shuffle aria-hidden="true" size={12} /> router
            </span>
          ) : null}
          {current ? <span className="tag current-tag">current</span> : null}
          <span className="option-price">{priceSummary(model)}</span>
        </div>
        <div className="option-line secondary">
          <span className="option-id" title={model.id}>
            {model.id}
          </span>
          <span className="option-size" title="Context length · longest answer">
            {formatTokenCount(model.contextLength)} context
            {model.maxCompletionTokens !== null ? ` · ${formatTokenCount(model.maxCompletionTokens)} out` : ''}
          </span>
          <CapabilityIcons model={model} />
          {model.expirationDate ? (
            <span className="tag retiring">
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
      className={`model-option typed${active ? ' active' : ''}`}
      onMouseDown={(event) => event.preventDefault()}
      onMouseMove={active ? undefined : onHover}
      onClick={onChoose}
    >
      <div className="option-main">
        <div className="option-line">
          <span className="option-name">Use “{id}” as typed</span>
        </div>
        <div className="option-line secondary">
          <span>Not in the catalogue: a variant (such as :nitro) or a model OpenRouter lists elsewhere.</span>
        </div>
      </div>
    </div>
  );
}
