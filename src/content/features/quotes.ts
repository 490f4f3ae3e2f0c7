// Entry of dist/*/quotes.js, injected on the first Quotes toggle (src/content/features/registry.ts).
import { extractQuotes } from '../../core/index';
import { mountQuoteLayer } from '../../ui/quotes/quote-layer';
import { mountPageQuotes } from '../declutter/page-quotes';
import { registerFeature } from './registry';

registerFeature('quotes', { extractQuotes, mountQuoteLayer, mountPageQuotes });
