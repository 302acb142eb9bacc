// The part of papaparse 5 the import's parser uses. Not @types/papaparse: it references Node's types, which
// would leak into the browser project (setTimeout returning a Timeout, Buffer, …).
declare module 'papaparse' {
  export interface ParseError {
    type: string;
    code: string;
    message: string;
    /** Index of the row within the parsed chunk. */
    row?: number;
  }
  export interface ParseMeta {
    delimiter: string;
    linebreak: string;
    aborted: boolean;
    truncated: boolean;
    cursor: number;
  }
  export interface ParseResult {
    data: string[][];
    errors: ParseError[];
    meta: ParseMeta;
  }
  export interface Parser {
    abort(): void;
  }
  export interface ParseConfig {
    delimiter?: string;
    delimitersToGuess?: string[];
    preview?: number;
    skipEmptyLines?: boolean | 'greedy';
    chunkSize?: number;
    chunk?: (results: ParseResult, parser: Parser) => void;
  }
  const Papa: { parse(input: string, config: ParseConfig): ParseResult };
  export default Papa;
}
