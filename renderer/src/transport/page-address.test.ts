import { describe, expect, it } from 'vitest';
import { readPageToken, webSocketProtocols, webSocketUrl } from './page-address';

const token = '0123456789abcdef0123456789abcdef';

describe('readPageToken', () => {
  it('reads the token from the fragment', () => {
    expect(readPageToken(`#token=${token}`)).toBe(token);
    expect(readPageToken(`#other=1&token=${token}`)).toBe(token);
  });

  it('has no token when the fragment is missing or not hex', () => {
    expect(readPageToken('')).toBeNull();
    expect(readPageToken('#token=')).toBeNull();
    expect(readPageToken('#token=not-a-token-at-all!!')).toBeNull();
  });
});

describe('webSocketUrl', () => {
  it('uses ws for http and wss for https on the same host', () => {
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:5173' })).toBe('ws://127.0.0.1:5173/api/ws');
    expect(webSocketUrl({ protocol: 'https:', host: 'example.test' })).toBe('wss://example.test/api/ws');
  });
});

describe('webSocketProtocols', () => {
  it('sends the protocol name and the token as sub-protocols', () => {
    expect(webSocketProtocols(token)).toEqual(['switchboard.v1', `token.${token}`]);
  });
});
