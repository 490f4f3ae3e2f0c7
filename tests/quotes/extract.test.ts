// One test per phenomenon real articles show (issue 4, item 2), on small hand-written texts.
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/core/quotes/index';
import type { Quote } from '../../src/core/types';

const para = (...blocks: string[]): string => blocks.join('\n\n');

function only(text: string): Quote {
  const { quotes } = extractQuotes(text);
  expect(quotes).toHaveLength(1);
  return quotes[0] as Quote;
}

describe('quote marks', () => {
  it('reads curly double quotes, with offsets into the text', () => {
    const text = '“We will win this fight,” Jane Smith said on Tuesday.';
    const q = only(text);
    expect(q.text).toBe('We will win this fight,');
    expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(q.speaker).toBe('Jane Smith');
    expect(q.cue).toBe('said');
    expect(q.mention).toEqual({ text: 'Jane Smith', start: 26, end: 36 });
  });

  it('reads straight double quotes', () => {
    const q = only('"We will win this fight," said Jane Smith.');
    expect(q.text).toBe('We will win this fight,');
    expect(q.speaker).toBe('Jane Smith');
  });

  it('reads doubled apostrophes as double quotes', () => {
    const q = only("''We will win this fight,'' Jane Smith said.");
    expect(q.text).toBe('We will win this fight,');
    expect(q.speaker).toBe('Jane Smith');
  });

  it('reads UK single quotes and leaves apostrophes alone', () => {
    const text =
      '‘The students’ union won’t move on this,’ said Jane Smith, who studied in the ’90s. She doesn’t agree.';
    const q = only(text);
    expect(q.text).toBe('The students’ union won’t move on this,');
    expect(q.speaker).toBe('Jane Smith');
  });

  it('reads guillemets, German and CJK marks', () => {
    const text = para(
      '« Nous allons gagner cette bataille », a dit Marie Dupont.',
      '„Wir werden diesen Kampf gewinnen“, sagte Anna Weber.',
      '「私たちはこの戦いに勝つ」と田中さんは言った。',
    );
    const { quotes } = extractQuotes(text);
    expect(quotes.map((q) => q.text)).toEqual([
      'Nous allons gagner cette bataille',
      'Wir werden diesen Kampf gewinnen',
      '私たちはこの戦いに勝つ',
    ]);
  });

  it('runs a quote with no closing mark to the end of its paragraph', () => {
    const text = para(
      'Jane Smith argued that the deal “required the rebels to leave the city.',
      'The talks resumed on Monday.',
    );
    const q = only(text);
    expect(q.text).toBe('required the rebels to leave the city.');
    expect(q.speaker).toBe('Jane Smith');
    expect(q.partial).toBe(true);
  });

  it('starts a quote with no opening mark at the start of its paragraph', () => {
    const text = para(
      'The war went on.',
      'Warlords will remain businessmen and political leaders,” said Romain Malejacq, author of a book on warlords.',
    );
    const q = only(text);
    expect(q.text).toBe('Warlords will remain businessmen and political leaders,');
    expect(q.speaker).toBe('Romain Malejacq');
    expect(q.role).toBe('author of a book on warlords');
  });

  it('keeps a quotation over several paragraphs as segments of one speaker', () => {
    const text = para(
      'Jane Smith told the crowd: “We came here with nothing.',
      '“We built the hall with our own hands.',
      '“And we will not leave it now.”',
      'The crowd cheered.',
    );
    const { quotes } = extractQuotes(text);
    expect(quotes).toHaveLength(3);
    expect(quotes.map((q) => q.speaker)).toEqual(['Jane Smith', 'Jane Smith', 'Jane Smith']);
    expect(quotes[2]?.text).toBe('And we will not leave it now.');
  });
});

describe('attribution', () => {
  it('gives both halves of a split quote one speaker', () => {
    const text = para(
      'Mayor Tom Baker visited the site.',
      '“This is a disgrace,” he said, “and somebody will pay for it.”',
    );
    const { quotes } = extractQuotes(text);
    expect(quotes).toHaveLength(2);
    expect(quotes.map((q) => q.speaker)).toEqual(['Tom Baker', 'Tom Baker']);
    expect(quotes.map((q) => q.mention?.text)).toEqual(['he', 'he']);
    expect(quotes[1]?.partial).toBe(false);
  });

  it('reads "according to X"', () => {
    const q = only('The plan was “dead on arrival,” according to Senator Mark Jones.');
    expect(q.speaker).toBe('Mark Jones');
    expect(q.cue).toBe('according to');
  });

  it('reads colon introductions', () => {
    const q = only('Jane Smith said: “We are ready for the vote.”');
    expect(q.speaker).toBe('Jane Smith');
    expect(q.partial).toBe(false);
  });

  it('flags partial quotes inside the writer’s sentence', () => {
    const q = only('Jane Smith called the plan “dead on arrival” and left the room.');
    expect(q.partial).toBe(true);
    expect(q.speaker).toBe('Jane Smith');
  });

  it('reads a dash attribution', () => {
    const q = only('“Nothing is ever settled in politics.” — Jane Smith');
    expect(q.speaker).toBe('Jane Smith');
  });

  it('reads a closing attribution clause for a fragment mid-sentence', () => {
    const q = only('Assange should be “freed and compensated” at once, the rights group says.');
    expect(q.mention?.text).toBe('the rights group');
    expect(q.speakerKind).toBe('unnamed');
  });

  it('reads a signature line under a quote', () => {
    const text = para('"We will win this one, and the next one too."', '- Jane Smith.');
    expect(only(text).speaker).toBe('Jane Smith');
  });

  it('keeps a dateline or a clause out of the role, and an age too', () => {
    const text = para(
      'Here in Columbia, Sanders stepped up his criticism, saying, “We have got to do better.”',
      '“It is time,” said Mattie Thomas, 66, who came with her sister.',
    );
    const { quotes } = extractQuotes(text);
    expect(quotes.map((q) => [q.speaker, q.role])).toEqual([
      ['Sanders', null],
      ['Mattie Thomas', null],
    ]);
  });

  it('takes the speaker of the previous paragraph for a floating quote', () => {
    const text = para(
      '“We will appeal,” said Jane Smith, the group’s lawyer.',
      '“The court got this wrong, and we will say so.”',
    );
    const { quotes } = extractQuotes(text);
    expect(quotes.map((q) => q.speaker)).toEqual(['Jane Smith', 'Jane Smith']);
    expect(quotes[1]?.role).toBe('the group’s lawyer');
  });

  it('takes the speaker of a paragraph that ends "… said:"', () => {
    const text = para('Cruz continued:', '“You look at the questions and you see the bias.”');
    expect(only(text).speaker).toBe('Cruz');
  });

  it('uses the subject of a participle clause ("…, saying")', () => {
    const q = only('Trump shot back in a statement, saying he had “made a lot of money.”');
    expect(q.speaker).toBe('Trump');
  });
});

describe('who the speaker is', () => {
  it('resolves "Mr. X", surnames and pronouns to the full name, and carries the role', () => {
    const text = para(
      '“The network is hard to map,” cautioned political violence scholar Aaron Y. Zelin.',
      '“It keeps changing,” Mr. Zelin said.',
      '“Nobody knows who escaped,” he added.',
      '“We will see,” Zelin said.',
    );
    const { quotes, speakers } = extractQuotes(text);
    expect(quotes.map((q) => q.speaker)).toEqual([
      'Aaron Y. Zelin',
      'Aaron Y. Zelin',
      'Aaron Y. Zelin',
      'Aaron Y. Zelin',
    ]);
    expect(quotes.map((q) => q.role)).toEqual(Array(4).fill('political violence scholar'));
    expect(quotes[2]?.mention?.text).toBe('he');
    expect(speakers).toEqual([
      { name: 'Aaron Y. Zelin', kind: 'named', role: 'political violence scholar', quoteCount: 4 },
    ]);
  });

  it('resolves a pronoun by gender to the right person', () => {
    const text = para(
      'Ms. Ana Ortiz met Mr. Paul Grant on Monday.',
      '“We agreed on nothing,” she said.',
      '“That is not true,” he said.',
    );
    const { quotes } = extractQuotes(text);
    expect(quotes.map((q) => q.speaker)).toEqual(['Ana Ortiz', 'Paul Grant']);
  });

  it('resolves "the senator" to the last senator named', () => {
    const text = para(
      'Senator Maria Lopez arrived late.',
      '“We need the votes by Friday,” the senator said.',
    );
    const q = only(text);
    expect(q.speaker).toBe('Maria Lopez');
    expect(q.mention?.text).toBe('the senator');
  });

  it('names several speakers of one quote', () => {
    const q = only(
      'Former Vice President Mike Pence as well as State Department coordinator Nathan Sales argued that the deal “required the Taliban to refuse terrorists safe harbour.”',
    );
    expect(q.speaker).toBe('Mike Pence; Nathan Sales');
    expect(q.role).toBe('Former Vice President; State Department coordinator');
  });

  it('names organisations', () => {
    const q = only(
      'The United Nations recently reported that the group “is present in 15 provinces.”',
    );
    expect(q.speaker).toBe('The United Nations');
    expect(q.speakerKind).toBe('named');
  });

  it('marks described sources as unnamed', () => {
    const q = only('“It is a trap,” said a retired counter-terrorism official.');
    expect(q.speakerKind).toBe('unnamed');
    expect(q.speaker).toBe('a retired counter-terrorism official');
    expect(q.role).toBeNull();
  });

  it('reads appositive roles before and after the verb', () => {
    const text = para(
      '“We are going back,” warned Michael McCaul, the ranking Republican member of the committee.',
      'Aaron Zelin, a political violence scholar, cautioned that “nobody knows.”',
    );
    const { quotes } = extractQuotes(text);
    expect(quotes.map((q) => [q.speaker, q.role])).toEqual([
      ['Michael McCaul', 'the ranking Republican member of the committee'],
      ['Aaron Zelin', 'a political violence scholar'],
    ]);
  });

  it('reads a role given before the name ("her adviser, Jake Sullivan, said")', () => {
    const q = only(
      'In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: “We stand with our allies.”',
    );
    expect([q.speaker, q.role]).toEqual(['Jake Sullivan', 'her senior policy adviser']);
  });

  it('leaves a quote with no speaker anywhere unknown', () => {
    const q = only('“Nothing is ever settled in politics, and nothing ever will be.”');
    expect(q.speaker).toBeNull();
    expect(q.speakerKind).toBe('unknown');
  });
});

describe('what is not a quotation', () => {
  it('skips titles, scare quotes and terms', () => {
    const text = para(
      'She appeared on NBC’s “Meet the Press” on Sunday.',
      'The so-called “deal” collapsed within a week.',
      'The band played “Born in the USA” twice.',
      'Critics dubbed it the “Great Wall of Protectionism” at once.',
    );
    expect(extractQuotes(text).quotes).toEqual([]);
  });

  it('returns nothing for empty or quote-less text', () => {
    expect(extractQuotes('')).toEqual({ quotes: [], speakers: [] });
    expect(extractQuotes('No quotes here.\n\nNor here.')).toEqual({ quotes: [], speakers: [] });
  });
});

describe('speakers list', () => {
  it('lists each speaker once, in order of appearance, with kind, role and count', () => {
    const text = para(
      '“First,” said Jane Smith, a lawyer.',
      '“Second,” said a senior official.',
      '“Third,” Smith added.',
    );
    expect(extractQuotes(text).speakers).toEqual([
      { name: 'Jane Smith', kind: 'named', role: 'a lawyer', quoteCount: 2 },
      { name: 'a senior official', kind: 'unnamed', role: null, quoteCount: 1 },
    ]);
  });
});

describe('attribution frames', () => {
  it('reads the speaker of “…,” NAME VERB whatever the verb', () => {
    const text = para(
      '“The paper is claiming things today,” Hannity started.',
      '“This is fantastic!” beamed Donald Hartley, a delegate.',
      '“France will always be France,” an angry Hollande retaliated.',
    );
    const mentions = extractQuotes(text).quotes.map((q) => q.mention?.text);
    expect(mentions).toEqual(['Hannity', 'Donald Hartley', 'an angry Hollande']);
  });

  it('does not take a cue inside a later clause as a closing attribution', () => {
    const q = only(
      'Cruz says he is “effectively tied for second place” with Rubio, in a finish that he said defied expectations.',
    );
    expect(q.mention?.text).toBe('Cruz');
  });

  it('gives nested speech to the outer speaker, as a reader reports it', () => {
    const text = para(
      'Trump told reporters that Clinton called him “a total loser.”',
      'Mr. Kasich said that he would offer “a prayer” for the nominee.',
    );
    const mentions = extractQuotes(text).quotes.map((q) => q.mention?.text);
    expect(mentions).toEqual(['Trump', 'Mr. Kasich']);
  });

  it('gives a cue-less fragment to the subject of the clause that holds it', () => {
    const text = para(
      'The issue came up in December, when Hillary Clinton called him “the best recruiter.”',
      'The Post will brand you a liar and NBC News will accuse you of a “freak out.”',
    );
    const mentions = extractQuotes(text).quotes.map((q) => q.mention?.text);
    expect(mentions).toEqual(['Hillary Clinton', 'NBC News']);
  });

  it('gives second-hand speech to the source that reports it', () => {
    const text = para(
      '“Delegates should vote the way they see fit,” Walker said, according to an Associated Press account.',
      'According to White House pool reports, Obama said “there is love” in Orlando.',
      '“You are no longer welcome,” said Kristen Day, director of a group, reports USA Today.',
    );
    const mentions = extractQuotes(text).quotes.map((q) => q.mention?.text);
    expect(mentions).toEqual([
      'an Associated Press account',
      'White House pool reports',
      'USA Today',
    ]);
  });

  it('gives a participle cue the subject of the clause it hangs on', () => {
    const text = para(
      'Hours later, Trump returned the compliment to Adelson, telling Reuters, “He is an amazing man.”',
      'In December, the prince called for Trump to drop out of the race, calling him “a disgrace.”',
    );
    const mentions = extractQuotes(text).quotes.map((q) => q.mention?.text);
    expect(mentions).toEqual(['Trump', 'the prince']);
  });

  it('does not make the subject of a passive cue its speaker; the agent speaks', () => {
    const text = para(
      'Rubio was asked by moderator Gerard Baker whether it would risk “adding another entitlement.”',
      'Priebus was said to be “furious” with the nominee.',
    );
    const [asked, said] = extractQuotes(text).quotes;
    expect(asked?.mention?.text).toBe('moderator Gerard Baker');
    expect(said?.cue).not.toBe('said');
  });

  it('reads an attribution with an appositive after a question, and one past a prepositional phrase', () => {
    const text = para(
      '“How are you today?” Miller, a retired worker from a nuclear plant, said into the phone.',
      '“Will he be the next attorney general?” a Democratic staffer in the room wondered.',
    );
    const mentions = extractQuotes(text).quotes.map((q) => q.mention?.text);
    expect(mentions).toEqual(['Miller', 'a Democratic staffer']);
  });

  it('gives a full quoted sentence introduced by a comma or colon to the clause before it', () => {
    const text = para(
      'After the attacks, Trump issued a statement, “Last night, our nation was attacked.”',
      'A footnote in the report makes that clear: “These assessments do not apply.”',
      'In response, the governor issued the following statement:',
      '“Our prayers are with all those affected.”',
    );
    const mentions = extractQuotes(text).quotes.map((q) => q.mention?.text);
    expect(mentions).toEqual(['Trump', 'A footnote', 'the governor']);
  });

  it('gives a quote paragraph the speaker of the narration paragraph before it', () => {
    const text = para(
      'Howard continued his scathing remarks.',
      '“Eight years ago she was the presumed nominee.” “Then a fellow came along.”',
      'The weather was fine.',
    );
    const mentions = extractQuotes(text).quotes.map((q) => q.mention?.text);
    expect(mentions).toEqual(['Howard', 'Howard']);
  });

  it('keeps the relative pronoun in the mention and names the speaker by its antecedent', () => {
    const q = only('Contrast that with Bernie Sanders, who says the pact is “disastrous.”');
    expect(q.mention?.text).toBe('Bernie Sanders, who');
    expect(q.speaker).toBe('Bernie Sanders');
  });

  it('reads a description-first appositive whose head is a staff title', () => {
    const q = only(
      '“Positions are gonna soften,” Rep. Duncan Hunter’s chief of staff, Joe Kasper, told POLITICO.',
    );
    expect(q.mention?.text).toBe('Joe Kasper');
    expect(q.role).toBe('Rep. Duncan Hunter’s chief of staff');
  });

  it('gives a fragment in a sentence with no speaking subject the previous sentence’s cue', () => {
    const q = only(
      'Brill has argued that the law was crippled. As a result, there is still “a very powerful industry.”',
    );
    expect(q.mention?.text).toBe('Brill');
  });

  it('gives the content of a named person’s claim or promise to that person', () => {
    const text = para(
      'Donald Trump’s accusation that Hillary Clinton is playing the “woman’s card” touched a nerve.',
      'He played down Trump’s comments as “just part of the primary campaign.”',
      'Trump said he responded: “When you have incoming, you cannot be too presidential.”',
    );
    const mentions = extractQuotes(text).quotes.map((q) => q.mention?.text);
    expect(mentions).toEqual(['Donald Trump’s', 'He', 'Trump']);
  });

  it('does not take a sentence adverb for the subject of a cue-less fragment', () => {
    const q = only(
      'Domestically, Trump’s row with the Khan family drew “a damning reaction” from many.',
    );
    expect(q.mention?.text).not.toBe('Domestically');
  });

  it('knows common irregular past verbs, so a fragment’s clause subject ends before them', () => {
    const spoke = only(
      'At the rally, the governor spoke for an hour and promised “a better country by spring.”',
    );
    expect(spoke.mention?.text).toBe('the governor');
    const struck = only('Later Smith struck a softer tone and called the plan “a good start.”');
    expect(struck.mention?.text).toBe('Smith');
  });

  it('reads a closing “, said X, a role.” attribution past the speaker’s appositive', () => {
    const q = only(
      'Her promise to “take our country back from the people who broke it” appeals to voters ' +
        'who miss the years when a factory job was enough to buy a house and raise a family ' +
        'in a small town, said Jane Doe, a demographer at Emory University.',
    );
    expect(q.mention?.text).toBe('Jane Doe');
    expect(q.cue).toBe('said');
    expect(q.role).toBe('a demographer at Emory University');
  });

  it('steps over a time adverbial between the subject and its verb', () => {
    const called = only(
      'Smith late Thursday night called the ruling “a victory for every family in this state.”',
    );
    expect(called.mention?.text).toBe('Smith');
    const described = only(
      'The mayor last week described the budget as “a disaster waiting to happen.”',
    );
    expect(described.mention?.text).toBe('The mayor');
  });

  it('gives the quote to the noun phrase before a restrictive relative clause', () => {
    const q = only(
      'A senior aide who spoke on condition of anonymity to discuss internal strategy said, ' +
        '“We are not worried about the polls at all.”',
    );
    expect(q.mention?.text).toBe('A senior aide');
    const own = only(
      'The president rebuked critics who say he should condemn terrorists as “radical Islamists.”',
    );
    expect(own.mention?.text).not.toBe('critics');
  });

  it('gives a share of respondents’ words to the poll that opens the sentence', () => {
    const q = only(
      'In a Gallup/Reuters survey released Monday, 31% of Republicans said they were ' +
        '“extremely enthusiastic” about voting.',
    );
    expect(q.mention?.text).toBe('a Gallup/Reuters survey released Monday');
    const notPoll = only(
      'In the debate, 31 candidates said they were “extremely enthusiastic” about voting.',
    );
    expect(notPoll.mention?.text).toBe('31 candidates');
  });

  it('does not give a cue-less fragment to the subject of a passive verb', () => {
    const said = only(
      'The interview set off a panic, and the party chairman was said to be ' +
        '“absolutely furious with the nominee” over it.',
    );
    expect(said.mention).toBeNull();
    const expected = only(
      'The party chairman was widely expected to “stay out of the primary fight entirely” this year.',
    );
    expect(expected.mention).toBeNull();
  });

  it('takes a quantifier standing alone as the subject of a cue ("Several said")', () => {
    const { quotes } = extractQuotes(
      'Most members backed the plan. Several said they would rather have ' +
        '“block grants for the states” instead.',
    );
    expect(quotes.map((q) => q.mention?.text)).toEqual(['Several']);
  });

  it('reads a present-tense cue with no noun reading after any subject ("the passage says")', () => {
    const q = only(
      'The book is blunt. “Staff were told to delete the files before the audit,” the passage says.',
    );
    expect(q.mention?.text).toBe('the passage');
    expect(q.cue).toBe('says');
  });

  it('gives the earlier quotes of a sentence to the attribution that closes it', () => {
    const { quotes } = extractQuotes(
      'Tariffs are “a tax on every family” and “poison for small farms,” Maria Lopez, ' +
        'the head of the growers’ union, told the crowd.',
    );
    expect(quotes.map((q) => q.mention?.text)).toEqual(['Maria Lopez', 'Maria Lopez']);
  });

  it('reads a closing "X, role, verb" clause after a mid-sentence quote', () => {
    const appositive = only(
      'The new rules “will not end the backlog, but they help a little,” Tom Reyes, ' +
        'deputy director of planning, budgets, and permits, said on a call with reporters.',
    );
    expect(appositive.mention?.text).toBe('Tom Reyes');
    const weakVerb = only(
      'She would make a better mayor than her rival “by any measure,” one reader commented.',
    );
    expect(weakVerb.mention?.text).toBe('one reader');
    const document = only(
      'The new maps were “deliberately drawn to split the valley,” the lawsuit alleges.',
    );
    expect(document.mention?.text).toBe('the lawsuit');
  });

  it('takes no participle or verb phrase for the subject of a cue-less fragment', () => {
    const led = only(
      'Led by the council speaker, the rally denounced the plan as “cruel and pointless.”',
    );
    expect(led.mention?.text).toBe('the rally');
    const given = only(
      'Given his record on the budget, voters doubt the “fiscal hawk” label he claims.',
    );
    expect(given.mention?.text).not.toBe('Given');
    const verb = only(
      'Ana Ruiz, the city’s former treasurer, blasted Mayor John Hill for acting as ' +
        '“a one-man budget office” last year.',
    );
    expect(verb.mention?.text).toBe('Ana Ruiz');
    const includes = only(
      'One memo, obtained by the Ledger, includes a “no-compete” clause for two years.',
    );
    expect(includes.mention?.text).toBe('One memo');
  });

  it('reads a subject before a passive relative clause as the speaker', () => {
    const q = only(
      'In the call, Rep. Dana Whitfield, who was elected in 2018, casts the governor as a ' +
        'leader who would “gut the schools” if allowed.',
    );
    expect(q.mention?.text).toContain('Dana Whitfield');
  });

  it('gives a claim to its possessive pronoun when the clause has no subject of its own', () => {
    const q = only(
      'Jane Ortiz, a union organiser, drew fire last spring over her remark that ' +
        '“nobody reads the fine print anyway.”',
    );
    expect(q.mention?.text).toBe('Jane Ortiz');
    const bare = only(
      'The hearing turned to the budget. Then came her warning that the plan would ' +
        '“break the county” within a year.',
    );
    expect(bare.mention?.text).toBe('her');
    const own = only('Mayor Tom Bell later defended his comments as “just a joke.”');
    expect(own.mention?.text).toBe('Mayor Tom Bell');
  });

  it('names the sentence subject for a pronoun in its subordinate clause', () => {
    const calls = only(
      'Senator Alvarez has campaigned against what she calls the “downtown machine” for years.',
    );
    expect(calls.mention?.text).toBe('Senator Alvarez');
    // Another name in between may be the pronoun's antecedent: keep the pronoun.
    const other = only(
      'Senator Alvarez met Governor Price, who said that he would veto “any such bill.”',
    );
    expect(other.mention?.text).not.toBe('Senator Alvarez');
  });

  it('reads plural present cues after a number ("the two write")', () => {
    const q = only('“Your standard makes no sense,” the two write in their letter.');
    expect(q.mention?.text).toBe('the two');
  });

  it('takes a closing "according to X" over an earlier cue in the sentence', () => {
    const q = only(
      'After the reporter asked about the trip, the couple became “agitated” off camera, ' +
        'according to a source at the station.',
    );
    expect(q.mention?.text).toMatch(/^a source/);
  });

  it('gives a term the sentence says something is called to no one, or to its agent', () => {
    const nobody = only(
      'The senators sparred over taxes at the forum, shaking up what is called a “debate” ' +
        'but is mostly two speeches.',
    );
    expect(nobody.mention).toBeNull();
    const agent = only(
      'The inquiry, often labeled a “fishing expedition” by its critics, enters its third year.',
    );
    expect(agent.mention?.text).toBe('its critics');
  });

  it('takes no name governed by a preposition as the subject of a participle cue', () => {
    const q = only('Mayor Dana Cole posted a note on Facebook reading “Thank you, Riverside!”');
    expect(q.mention?.text).toBe('Mayor Dana Cole');
    const withClause = only(
      'Critics piled on, with Senator Ray Mills tweeting that the plan was a “disaster.”',
    );
    expect(withClause.mention?.text).toBe('Senator Ray Mills');
  });

  it('takes no addressee before a colon as a speaker label', () => {
    const q = only(
      'Council President Ann Weber, a Democrat, delivered a blunt message to Mayor Reed: ' +
        '“Stop blaming the council and fix the buses.”',
    );
    expect(q.mention?.text).toBe('Council President Ann Weber');
    const label = only('More from Ortiz: “The county cannot afford another delay.”');
    expect(label.mention?.text).toBe('Ortiz');
  });

  it('reads a past verb after a lone quantifier as a cue ("Some chanted")', () => {
    const q = only('The fans waved flags as the results came in. Some chanted “Four more years!”');
    expect(q.mention?.text).toBe('Some');
  });

  it('lets documents speak through present cues ("the headline reads")', () => {
    const q = only('The morning paper’s headline reads: “Council Votes to Close Pool.”');
    expect(q.mention?.text).toContain('headline');
  });

  it('steps over an emphatic "does"/"did" between subject and cue', () => {
    const q = only(
      'The charter never mentions the river, although it does say that the city must ' +
        'keep “clean water for all” in mind.',
    );
    expect(q.mention?.text).toBe('it');
  });

  it('steps over a lower-case -ly adverb between subject and cue before a colon', () => {
    const q = only(
      'At the rally he mistakenly suggested the judge was born in Spain: “He is a very hostile judge.”',
    );
    expect(q.mention?.text).toBe('he');
  });

  it('gives a fragment in a that-clause to the subject of the clause governing it', () => {
    const found = only(
      'Two auditors, Mia Park and Leo Grant, found in 2019 that the county fleet was ' +
        '“the worst in the state” by far.',
    );
    expect(found.mention?.text).toMatch(/Two auditors|Mia Park/);
    const claim = only(
      'His union protested that city managers were being “deliberately vague” about the cuts.',
    );
    expect(claim.mention?.text).toBe('His union');
  });

  it('steps over "now/still/just" between a subject and its cue', () => {
    const q = only('The campaign site changed overnight. “This is your town,” it now says.');
    expect(q.mention?.text).toBe('it');
  });

  it('lets plurals and dates between a subject and a later pronoun keep the subject', () => {
    const q = only(
      'Mayor Ann Lee says Riversiders are angry, but also hungry for what she calls “real change.”',
    );
    expect(q.mention?.text).toBe('Mayor Ann Lee');
  });

  it('takes a relative "who" with a speech verb as the subject of the clause it opens', () => {
    const q = only(
      'One ad stars a Lincoln impersonator who promises that the senator won’t ' +
        '“send you to fight wars overseas” again.',
    );
    expect(q.mention?.text).toBe('who');
  });

  it('hands a quote to the outlet it reached the writer through, with or without a comma', () => {
    const q = only(
      '“We reject these claims,” council spokesman Tim Ode said in a statement according to ' +
        'the Ledger.',
    );
    expect(q.mention?.text).toBe('the Ledger');
  });

  it('skips a participle phrase between a subject and its cue', () => {
    const q = only(
      'Another county source speaking to the Ledger said, “The audit will find more gaps.”',
    );
    expect(q.mention?.text).toBe('Another county source');
  });

  it('takes any noun phrase before a plain cue right before the quote', () => {
    const q = only('As the mayor spoke, the attendees chanted, “Four more years!”');
    expect(q.mention?.text).toBe('the attendees');
  });

  it('reads "the recently released X" as one noun phrase', () => {
    const q = only(
      'According to the recently released staff manual, new hires were told, “Never admit fault.”',
    );
    expect(q.mention?.text).toBe('the recently released staff manual');
  });

  it('takes the noun phrase after "with" as the subject of a participle cue', () => {
    const q = only('The parade was loud, with many marchers chanting “Open the library!”');
    expect(q.mention?.text).toBe('many marchers');
  });

  it('keeps the author after "by" in an "according to" source', () => {
    const q = only(
      '“The evidence cannot support a prosecution,” according to a court filing by ' +
        'county attorney Ruth Vance.',
    );
    expect(q.mention?.text).toBe('a court filing by county attorney Ruth Vance');
  });

  it('takes no inverted subject after a participle cue', () => {
    const q = only(
      'Dana Boyle said, “It’s time we change how we do it,” promising the Friends of Main Street will ' +
        'return to its roots.',
    );
    expect(q.mention?.text).toBe('Dana Boyle');
  });

  it('keeps a quote in an opening subordinate clause with its own cue', () => {
    const q = only(
      'Although Mayor Ruiz admitted that the two had “been friends for years,” he claimed ' +
        'they never discussed the contract.',
    );
    expect(q.mention?.text).toBe('Mayor Ruiz');
  });

  it('takes no sentence-opening gerund for a speaker', () => {
    const { quotes } = extractQuotes(
      'The record is long. Passing the transit levy. Ending “parking minimums as we know them.”',
    );
    expect(quotes.map((q) => q.mention?.text ?? null)).not.toContain('Ending');
  });
});
