// Renderer: the palette's side panel for the highlighted model: description, every price, sizes, parameters, links.

import { ExternalLink, Shuffle, Star, TriangleAlert } from 'lucide-react';
import type { ModelSummary } from '../../../../shared/domain';
import { formatPricePerMillion } from '../../lib/format';
import { capabilities } from './ModelBadges';
import {
  extraPriceLines,
  formatRetirement,
  formatTokenCount,
  openRouterPageUrl,
  plainDescription,
} from './model-format';
import clsx from 'clsx';
import styles from './models.module.css';

interface ModelDetailsProps {
  model: ModelSummary;
  favorite: boolean;
  isDefault: boolean;
  onToggleFavorite(): void;
  onMakeDefault(): void;
}

const priceText = (model: ModelSummary, perToken: number | null) =>
  model.isFree ? 'free' : formatPricePerMillion(perToken).replace('/M', ' per million tokens');

export function ModelDetails({ model, favorite, isDefault, onToggleFavorite, onMakeDefault }: ModelDetailsProps) {
  const { cacheRead, cacheWrite, internalReasoning } = model.extraPrices;
  return (
    <aside className={styles.modelDetails} aria-label={`About ${model.name}`}>
      <h3>{model.name}</h3>
      <p className={clsx('mono', styles.detailsId)}>{model.id}</p>
      {model.expirationDate ? (
        <p className={styles.detailsWarning}>
          <TriangleAlert aria-hidden="true" size={14} /> OpenRouter is retiring this model on{' '}
          {formatRetirement(model.expirationDate)}.
        </p>
      ) : null}
      {model.isRouter ? (
        <p className={styles.detailsNote}>
          <Shuffle aria-hidden="true" size={14} /> A router: it picks a model for each request and is billed at that
          model’s price. Each reply shows the model that answered.
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" onClick={onToggleFavorite} aria-pressed={favorite}>
          <Star aria-hidden="true" size={14} fill={favorite ? 'currentColor' : 'none'} /> Favorite
        </button>
        <button type="button" onClick={onMakeDefault} disabled={isDefault}>
          {isDefault ? 'Default for new chats' : 'Make default'}
        </button>
        <a className={styles.buttonLink} href={openRouterPageUrl(model.id)} target="_blank" rel="noopener noreferrer">
          OpenRouter page <ExternalLink aria-hidden="true" size={13} />
        </a>
      </div>
      {model.description ? <p className={styles.detailsDescription}>{plainDescription(model.description)}</p> : null}
      <dl className={styles.detailsFacts}>
        <dt>Input</dt>
        <dd>{model.variablePricing ? 'variable (the chosen model’s price)' : priceText(model, model.promptPrice)}</dd>
        <dt>Output</dt>
        <dd>
          {model.variablePricing ? 'variable (the chosen model’s price)' : priceText(model, model.completionPrice)}
        </dd>
        {extraPriceLines(model).map((line) => (
          <dd key={line} className={styles.extraPrice}>
            {line}
          </dd>
        ))}
        {cacheRead !== null ? (
          <>
            <dt>Cached input</dt>
            <dd>
              {formatPricePerMillion(cacheRead)} read
              {cacheWrite !== null ? ` · ${formatPricePerMillion(cacheWrite)} write` : ''}
            </dd>
          </>
        ) : null}
        {internalReasoning !== null ? (
          <>
            <dt>Reasoning</dt>
            <dd>{formatPricePerMillion(internalReasoning)}</dd>
          </>
        ) : null}
        <dt>Context</dt>
        <dd>{model.contextLength === null ? 'not stated' : `${formatTokenCount(model.contextLength)} tokens`}</dd>
        <dt>Longest answer</dt>
        <dd>
          {model.maxCompletionTokens === null ? 'not stated' : `${formatTokenCount(model.maxCompletionTokens)} tokens`}
        </dd>
        <dt>Reads</dt>
        <dd>{model.inputModalities.join(', ')}</dd>
        <dt>Writes</dt>
        <dd>{model.outputModalities.join(', ')}</dd>
        {capabilities(model).length > 0 ? (
          <>
            <dt>Can</dt>
            <dd>
              {capabilities(model)
                .map((capability) => capability.label.toLowerCase())
                .join(', ')}
            </dd>
          </>
        ) : null}
      </dl>
      <h4>Supported parameters</h4>
      {model.supportedParameters === null ? (
        <p className="muted">Not listed for this model.</p>
      ) : model.supportedParameters.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className={styles.parameterList}>
          {model.supportedParameters.map((parameter) => (
            <li key={parameter} className="mono">
              {parameter}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
