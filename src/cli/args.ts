// Command-line flags. Anything unknown or malformed is a UsageError: one clear line, exit code 2.
import { CLUTTER_KINDS, type ClutterKind } from '../core/index';

export type OutputFormat = 'json' | 'html' | 'markdown' | 'text';

export interface CliOptions {
  /** File path, or '-' for standard input. */
  input: string;
  url: string | null;
  format: OutputFormat;
  /** Input is plain text: skip extraction, run quote extraction on it. */
  textInput: boolean;
  /** With --format html: the whole page with clutter hidden, instead of the article. */
  page: boolean;
  quotes: boolean;
  /** Clutter kinds to hide; default comments and donation. */
  hide: ClutterKind[] | null;
  /** Charset to decode with, overriding what the file declares. */
  charset: string | null;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: declutter [options] <file|->

Reads a saved web page (or plain text with --text) and prints the article.

Options:
  --url URL             the page's address (for absolute links and the JSON "url")
  --format FORMAT       json (default), html, markdown or text
  --page                with --format html: the whole page, clutter hidden (data-declutter-hidden)
  --hide KINDS          clutter kinds to hide, comma-separated: ${CLUTTER_KINDS.join(', ')}
                        (default: comments,donation)
  --text                the input is plain text (paragraphs separated by blank lines):
                        skip extraction and report its quotes (offsets into the input)
  --no-quotes           skip quote extraction
  --charset NAME        decode the input with NAME instead of its declared charset
  -h, --help            show this help
  --version             show the version
`;

const FORMATS: readonly OutputFormat[] = ['json', 'html', 'markdown', 'text'];

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    input: '',
    url: null,
    format: 'json',
    textInput: false,
    page: false,
    quotes: true,
    hide: null,
    charset: null,
    help: false,
    version: false,
  };
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? splitOnce(arg) : [arg, null];
    const value = () => {
      if (inline !== null) return inline;
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) {
        throw new UsageError(`${name} needs a value`);
      }
      i++;
      return next;
    };
    switch (name) {
      case '--url': {
        const url = value();
        try {
          new URL(url);
        } catch {
          throw new UsageError(`--url must be an absolute URL, got "${url}"`);
        }
        options.url = url;
        break;
      }
      case '--format':
      case '-f': {
        const format = value() as OutputFormat;
        if (!FORMATS.includes(format)) {
          throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`);
        }
        options.format = format;
        break;
      }
      case '--hide': {
        const kinds = value()
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean);
        const unknown = kinds.filter((k) => !CLUTTER_KINDS.includes(k as ClutterKind));
        if (unknown.length) {
          throw new UsageError(
            `--hide: unknown kind "${unknown[0]}" (use ${CLUTTER_KINDS.join(', ')})`,
          );
        }
        options.hide = kinds as ClutterKind[];
        break;
      }
      case '--charset':
        options.charset = value();
        break;
      case '--text':
        options.textInput = true;
        break;
      case '--page':
        options.page = true;
        break;
      case '--no-quotes':
        options.quotes = false;
        break;
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '--version':
        options.version = true;
        break;
      default:
        if (arg !== '-' && arg.startsWith('-')) {
          throw new UsageError(`unknown option ${arg} (see declutter --help)`);
        }
        inputs.push(arg);
    }
  }
  if (options.help || options.version) return options;
  if (inputs.length === 0) throw new UsageError('no input: give a file, or - for standard input');
  if (inputs.length > 1) throw new UsageError(`one input at a time, got ${inputs.length}`);
  options.input = inputs[0] as string;
  if (options.page && options.format !== 'html') {
    throw new UsageError('--page works with --format html');
  }
  if (options.textInput && (options.format === 'html' || options.format === 'markdown')) {
    throw new UsageError('--text input prints json or text only');
  }
  if (options.textInput && options.page) throw new UsageError('--text and --page do not mix');
  return options;
}

function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf('=');
  return [arg.slice(0, at), arg.slice(at + 1)];
}
