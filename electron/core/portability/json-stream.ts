// Core: reads a JSON document as a stream of chosen values (each conversation), with bounded memory: the nesting
// depth and the bytes held for any one value are capped, so a hostile file fails with a reason instead of a crash.

import { TokenParser, TokenType, Tokenizer } from '@streamparser/json';
import type { ImportLimits } from './import-limits';
import { badFile, formatBytes } from './import-limits';

export interface StreamedValue {
  /** The property name or array index the value sits at. */
  key: string | number | undefined;
  /** How deep the value sits: 1 for a property of the top-level value, 2 for an element inside one of those. */
  depth: number;
  value: unknown;
}

export class JsonValueStream {
  private readonly tokenizer: Tokenizer;
  private readonly parser: TokenParser;
  private depth = 0;
  private bytesSinceValue = 0;
  private failure: Error | null = null;
  private readonly ready: StreamedValue[] = [];

  /** `paths` in the parser's jsonpath subset, e.g. `$.conversations.*`. */
  constructor(
    paths: string[],
    private readonly limits: Pick<ImportLimits, 'maxDepth' | 'maxValueBytes'>,
  ) {
    this.tokenizer = new Tokenizer();
    this.parser = new TokenParser({ paths, keepStack: false });
    this.tokenizer.onToken = (token) => {
      if (token.token === TokenType.LEFT_BRACE || token.token === TokenType.LEFT_BRACKET) {
        if (++this.depth > this.limits.maxDepth) {
          throw badFile(`The file is nested more than ${this.limits.maxDepth} levels deep, which no export is.`);
        }
      } else if (token.token === TokenType.RIGHT_BRACE || token.token === TokenType.RIGHT_BRACKET) {
        this.depth--;
      }
      this.parser.write(token);
    };
    this.tokenizer.onError = (error) => this.fail(error);
    this.tokenizer.onEnd = () => {
      if (!this.parser.isEnded) this.parser.end();
    };
    this.parser.onError = (error) => this.fail(error);
    this.parser.onValue = ({ value, key, stack }) => {
      this.bytesSinceValue = 0;
      this.ready.push({ key, depth: stack.length, value });
    };
  }

  /** Parses one chunk; returns the values it completed, in order. Throws the file's problem. */
  write(chunk: Uint8Array): StreamedValue[] {
    this.bytesSinceValue += chunk.length;
    if (this.bytesSinceValue > this.limits.maxValueBytes) {
      throw badFile(
        `One entry in the file is larger than ${formatBytes(this.limits.maxValueBytes)}, the most Switchboard reads at once.`,
      );
    }
    this.tokenizer.write(chunk);
    this.rethrow();
    return this.ready.splice(0);
  }

  /** The end of the file: a document cut short fails here. */
  end(): StreamedValue[] {
    if (this.depth > 0) throw badFile('The file ends in the middle of its content: it may have been cut off.');
    this.tokenizer.end();
    this.rethrow();
    return this.ready.splice(0);
  }

  private fail(error: Error): void {
    this.failure ??= error;
  }

  private rethrow(): void {
    const failure = this.failure;
    if (!failure) return;
    if ('error' in failure) throw failure; // already worded (an AppFailure from the depth check)
    throw badFile(`The file is not valid JSON (${failure.message.replace(/\s+/g, ' ').slice(0, 200)}).`);
  }
}
