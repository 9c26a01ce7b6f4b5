// How a limit reads in a refusal: megabytes to one decimal from 1 MB up, whole kilobytes from 1 KB up, else bytes.

import { describe, expect, it } from 'vitest';
import { attachmentErrors, formatBytes } from './attachment-errors';

describe('formatBytes', () => {
  it('words each limit in the largest unit it reaches', () => {
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(1024 * 1024)).toBe('1 MB');
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1.3 MB');
    expect(formatBytes(1024 * 1024 - 1)).toBe('1024 KB');
    expect(formatBytes(512 * 1024)).toBe('512 KB');
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(1023)).toBe('1023 bytes');
  });
});

describe('attachment refusals', () => {
  it('give each refusal its own code, with the count and the limit where there is one', () => {
    expect(attachmentErrors.tooMany(12, 10)).toEqual({
      code: 'attachment_too_many',
      message: '12 files on one message; at most 10 can go together.',
    });
    expect(attachmentErrors.missing().code).toBe('attachment_missing');
    expect(attachmentErrors.noImageInput('vendor/model')).toEqual({
      code: 'model_no_image_input',
      message: 'vendor/model does not accept images.',
    });
    expect(attachmentErrors.tooManyPixels('big.png', 100_000_000)).toEqual({
      code: 'attachment_too_large',
      message: '“big.png” has more than 100 million pixels, the most an image can have.',
    });
  });
});
