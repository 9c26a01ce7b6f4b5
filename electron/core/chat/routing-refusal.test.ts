import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/result';
import { routingRefusal } from './routing-refusal';

const refused = (status: number, message: string): AppError => ({ code: 'not_found', message, status });

describe('routingRefusal', () => {
  it('names privacy when OpenRouter speaks of the data policy and privacy settings were sent', () => {
    const error = refused(
      404,
      'OpenRouter could not find that. Details: No endpoints found matching your data policy.',
    );
    expect(routingRefusal(error, { data_collection: 'deny', max_price: { prompt: '1' } })).toEqual({
      ...error,
      code: 'routing_privacy',
    });
    expect(routingRefusal(error, { zdr: true }).code).toBe('routing_privacy');
  });

  it('names the maximum price when the answer speaks of price', () => {
    const error = refused(404, 'No endpoints found matching your max price.');
    expect(routingRefusal(error, { zdr: true, max_price: { completion: '0.5' } }).code).toBe('routing_price');
  });

  it('falls back to the one kind of restriction sent when the answer does not say which', () => {
    const vague = refused(503, 'No endpoints found that can handle the requested parameters.');
    expect(routingRefusal(vague, { max_price: { prompt: '1' } }).code).toBe('routing_price');
    expect(routingRefusal(vague, { only: ['azure'] }).code).toBe('routing_providers');
    expect(routingRefusal(vague, { require_parameters: true }).code).toBe('routing_providers');
    expect(routingRefusal({ ...vague, status: 400 }, { zdr: true }).code).toBe('routing_privacy');
  });

  it('names the providers for an ignore list or fallbacks turned off, not for fallbacks left on', () => {
    const vague = refused(503, 'No endpoints found that can handle the requested parameters.');
    expect(routingRefusal(vague, { ignore: ['deepinfra'] }).code).toBe('routing_providers');
    expect(routingRefusal(vague, { allow_fallbacks: false }).code).toBe('routing_providers');
    expect(routingRefusal(vague, { allow_fallbacks: true })).toBe(vague);
  });

  it('trusts what was sent over what the answer mentions: privacy first, and price only when a cap was sent', () => {
    const both = refused(404, 'No endpoints found matching your data policy and max price.');
    expect(routingRefusal(both, { zdr: true, max_price: { prompt: '1' } }).code).toBe('routing_privacy');
    const aboutPrice = refused(404, 'No endpoints found matching your max price.');
    expect(routingRefusal(aboutPrice, { only: ['azure'] }).code).toBe('routing_providers');
  });

  it('leaves every other error alone', () => {
    const noEndpoints = refused(404, 'No endpoints found for acme/model.');
    expect(routingRefusal(noEndpoints, undefined)).toBe(noEndpoints);
    expect(routingRefusal(noEndpoints, { sort: 'price' })).toBe(noEndpoints);
    const rateLimited: AppError = { code: 'rate_limited', message: 'No providers free', status: 429 };
    expect(routingRefusal(rateLimited, { zdr: true })).toBe(rateLimited);
    const other = refused(400, 'acme/x is not a valid model ID');
    expect(routingRefusal(other, { zdr: true })).toBe(other);
  });
});
