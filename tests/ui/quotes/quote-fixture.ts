// A small article modelled on the seed page, and a QuoteResult for it with offsets computed from
// the canonical text, the way the extractor reports them.
import { buildTextMap, type Quote, type QuoteResult, type Speaker } from '../../../src/core';

export const ARTICLE_HTML = `
<h1>Taliban And Al Qaeda</h1>
<p>Abu Omar Khorasani was taken from Kabul’s prison and shot.</p>
<p>“It’s a Catch-22. The Taliban ensuring that Al Qaeda sticks to rule risks putting a fox in charge of the chicken coop,” said a retired counter-terrorism official.</p>
<p>Political violence scholar Aaron Y. Zelin cautioned: “Without information on who exactly escaped, it is <em>difficult</em> to determine the network.”</p>
<p>“Warlords will play an active role in the future of Afghanistan.</p>
<p>“They will remain businessmen and political leaders,” said Romain Malejacq.</p>
<p>Mr. Zelin added that the group “operates under Taliban protection.”</p>
<p>“This is not attributed to anyone,” the text goes on.</p>
`;

interface Spec {
  text: string;
  speaker: string | null;
  kind: Quote['speakerKind'];
  role?: string;
  cue?: string;
  partial?: boolean;
  mention?: string;
}

const SPECS: Spec[] = [
  {
    text: 'It’s a Catch-22. The Taliban ensuring that Al Qaeda sticks to rule risks putting a fox in charge of the chicken coop,',
    speaker: 'a retired counter-terrorism official',
    kind: 'unnamed',
    cue: 'said',
  },
  {
    text: 'Without information on who exactly escaped, it is difficult to determine the network.',
    speaker: 'Aaron Y. Zelin',
    kind: 'named',
    role: 'political violence scholar',
    cue: 'cautioned',
  },
  {
    // Runs over two paragraphs: the first opens with a mark and never closes.
    text: 'Warlords will play an active role in the future of Afghanistan.\n\n“They will remain businessmen and political leaders,',
    speaker: 'Romain Malejacq',
    kind: 'named',
    cue: 'said',
  },
  {
    text: 'operates under Taliban protection.',
    speaker: 'Aaron Y. Zelin',
    kind: 'named',
    role: 'political violence scholar',
    cue: 'added',
    partial: true,
    mention: 'Mr. Zelin',
  },
  { text: 'This is not attributed to anyone,', speaker: null, kind: 'unknown' },
];

export function articleQuotes(container: HTMLElement): QuoteResult {
  const text = buildTextMap(container).text;
  let from = 0;
  const quotes: Quote[] = SPECS.map((spec) => {
    const start = text.indexOf(spec.text, from);
    if (start < 0) throw new Error(`fixture quote not in text: ${spec.text}`);
    from = start + spec.text.length;
    const mentionStart = spec.mention ? text.lastIndexOf(spec.mention, start) : -1;
    return {
      text: spec.text,
      start,
      end: start + spec.text.length,
      speaker: spec.speaker,
      mention:
        spec.mention && mentionStart >= 0
          ? { text: spec.mention, start: mentionStart, end: mentionStart + spec.mention.length }
          : null,
      speakerKind: spec.kind,
      role: spec.role ?? null,
      cue: spec.cue ?? null,
      partial: spec.partial ?? false,
      confidence: spec.speaker ? 0.9 : 0.4,
    };
  });
  const speakers: Speaker[] = [];
  for (const quote of quotes) {
    if (!quote.speaker) continue;
    const known = speakers.find((s) => s.name === quote.speaker);
    if (known) known.quoteCount++;
    else
      speakers.push({
        name: quote.speaker,
        kind: quote.speakerKind,
        role: quote.role,
        quoteCount: 1,
      });
  }
  return { quotes, speakers };
}
