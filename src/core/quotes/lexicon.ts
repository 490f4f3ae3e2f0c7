// Word lists the attribution rules read. General English newswire vocabulary only: reporting
// verbs, pronouns, determiners, titles and the head nouns of anonymous-source descriptions.

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Base forms of reporting verbs; inflections are generated below. */
const SPEECH_LEMMAS = `say tell add argue warn caution write tweet note explain insist claim ask reply
continue recall acknowledge concede stress declare describe call report state announce respond conclude
pledge promise remark assure admit accuse suggest chant read joke quip shout yell scream whisper boast
complain predict vow urge observe emphasize emphasise maintain contend counter agree wonder muse lament
testify post text offer blast slam praise label tout characterize characterise demand proclaim confirm deny
allege charge assert recount begin decry cite quote mention reiterate repeat answer retort snap fire
interject explain exclaim grumble concur caution advise point elaborate inform reveal disclose brag sigh
laugh plead implore remember bark riff react press interrupt chime blog thunder scoff sneer gush rave rant muse opine posit question challenge dismiss
criticize criticise condemn denounce hail applaud thank apologize apologise concede predict estimate
summarize summarise insist recommend propose reason conclude specify tell promise sing preach reassure
instruct order warn threaten vow swear affirm attest reflect recollect relate narrate comment reckon
figure guess acknowledge mock ridicule lambast berate scold chide rebuke tease declare announce`;

const IRREGULAR: Record<string, string[]> = {
  say: ['said', 'says', 'saying', 'say'],
  tell: ['told', 'tells', 'telling', 'tell'],
  write: ['wrote', 'writes', 'writing', 'written', 'write'],
  read: ['read', 'reads', 'reading'],
  begin: ['began', 'begins', 'beginning', 'begun'],
  swear: ['swore', 'swears', 'swearing', 'sworn'],
  sing: ['sang', 'sings', 'singing', 'sung'],
  fire: ['fired back', 'fires back'],
  point: ['pointed out', 'points out', 'pointing out'],
  snap: ['snapped', 'snaps'],
  figure: ['figured'],
  quip: ['quipped', 'quips', 'quipping', 'quip'],
  state: ['stated', 'stating'],
  press: ['pressed', 'presses', 'pressing'],
  chant: ['chanted', 'chanting'],
  text: ['texted'],
  order: ['ordered'],
  counter: ['countered', 'counters', 'countering'],
  reason: ['reasoned'],
  question: ['questioned', 'questioning'],
  charge: ['charged', 'charging'],
  post: ['posted'],
};

function inflect(lemma: string): string[] {
  const irregular = IRREGULAR[lemma];
  if (irregular) return irregular;
  const forms = [lemma];
  const e = lemma.endsWith('e');
  const y = /[^aeiou]y$/.test(lemma);
  const stem = e ? lemma.slice(0, -1) : y ? lemma.slice(0, -1) + 'i' : lemma;
  forms.push(y ? stem + 'es' : /(s|sh|ch|x|z)$/.test(lemma) ? lemma + 'es' : lemma + 's');
  forms.push(e ? lemma + 'd' : stem + 'ed');
  forms.push((e && !lemma.endsWith('ee') ? lemma.slice(0, -1) : lemma) + 'ing');
  // Doubled final consonant (quip → quipped, snap → snapped, admit → admitted, scoff excluded).
  if (/[^aeiou][aeiou][pbtdgmn]$/.test(lemma) && !/(en|on|er)$/.test(lemma)) {
    const last = lemma.slice(-1);
    forms.push(lemma + last + 'ed', lemma + last + 'ing');
  }
  return forms;
}

/** Every inflected reporting-verb form (single words; multi-word cues are matched separately). */
export const SPEECH_VERBS: Set<string> = new Set(
  SPEECH_LEMMAS.trim()
    .split(/\s+/)
    .flatMap(inflect)
    .filter((w) => !w.includes(' ')),
);

/** Lemmas that are reporting verbs only in some uses; their forms need a quote right next to them. */
const WEAK_LEMMAS = `read call describe label question offer figure guess continue begin post charge
order answer text fire point relate reason reflect thank cite quote mention counter comment promise
pledge demand praise blast slam tout accuse criticize criticise condemn dismiss challenge hail
applaud mock reveal propose recommend predict estimate`;

export const WEAK_SPEECH_VERBS: Set<string> = new Set(
  WEAK_LEMMAS.trim().split(/\s+/).flatMap(inflect),
);

export const SUBJECT_PRONOUNS = words('he she they i we you it who');
export const OBJECT_PRONOUNS = words('him her them me us');
export const DETERMINERS = words(`the a an this that these those his her their its our my your
another one two three four several many some other each both all any no every such`);

/** Words that end a backward noun-phrase scan (prepositions, conjunctions, auxiliaries). */
export const STOP_WORDS = words(`in on at for with to from by about during after before since
until into onto over under than as while when if whether because although though but or nor so yet
that which whom whose where there here is are was were be been being has have had do does did
not also then later again still just only even later now once recently previously earlier
further ago today yesterday tomorrow tonight this week month year monday tuesday wednesday
thursday friday saturday sunday morning afternoon evening night
will would could should may might must can shall 's ’s upon via among between against toward
towards across through without within like unlike what how why per de however meanwhile
amid amidst despite beyond
moreover instead indeed therefore thus that's it's there's here's what's who's`);

/** Adverbs and auxiliaries allowed between a subject and its reporting verb ("he also said"). */
export const VERB_PREFIXES = words(`also later then again once recently previously earlier
further has have had would will 'd ’d is was were are been be repeatedly frequently often famously simply
quickly flatly bluntly candidly openly reportedly allegedly privately publicly angrily
jokingly sarcastically succinctly tweeted last first finally initially subsequently
immediately has already never ever always does did now still just even`);

/** Honorifics and titles that precede a name and are not part of it. */
export const TITLE_WORDS = words(`mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sen
sen. senator rep rep. representative gov gov. governor president vice former late current
then secretary general gen gen. lt lt. col col. maj maj. capt capt. adm adm. sgt sgt. gen
chairman chairwoman chair director minister prime judge justice chief speaker leader mayor
ambassador commissioner attorney sheriff deputy assistant acting interim king queen prince
princess pope rev rev. reverend father bishop archbishop rabbi imam sheikh sir dame lord lady
candidate nominee coordinator spokesman spokeswoman spokesperson
executive ceo founder co-founder chancellor premier marshal officer agent detective
superintendent councilman councilwoman councillor congressman congresswoman assemblyman
assemblywoman delegate state house senate foreign defense defence homeland republican
democratic democrat gop us u.s. uk u.k. national federal`);

/** Honorifics that mark gender. */
export const MALE_HONORIFICS = words('mr mr. sir king prince lord father he him his');
export const FEMALE_HONORIFICS = words(
  'mrs mrs. ms ms. miss dame queen princess lady she her chairwoman spokeswoman congresswoman',
);

/** Head nouns of descriptions that stand for an unnamed source. */
export const SOURCE_NOUNS = words(`official officials source sources spokesman spokeswoman
spokesperson spokespeople aide aides adviser advisers advisor advisors analyst analysts expert
experts observer observers person people insider insiders staffer staffers diplomat diplomats
officer officers member members lawmaker lawmakers senator senators congressman representative
strategist strategists operative operatives donor donors supporter supporters voter voters
resident residents witness witnesses friend friends ally allies critic critics leader leaders
worker workers employee employees executive executives attorney lawyer lawyers researcher
researchers scholar scholars economist economists historian historians investigator
investigators agent agents veteran veterans activist activists organizer organizers protester
protesters student students teacher teachers doctor doctors woman women man men someone
somebody pollster pollsters consultant consultants associate associates colleague colleagues
report reports statement memo letter document documents study poll survey ruling analysis
editorial campaign spokesmen`);

/** Head nouns that make a capitalised phrase an organisation rather than a person. */
export const ORG_WORDS = words(`nations department committee party house senate congress
council agency administration government ministry office court university institute
association union commission bureau board foundation center centre company corporation corp
inc group network news times post journal press tribune herald guardian gazette reuters
campaign school college police army navy force forces bank fund service services organization
organisation league coalition alliance caucus fbi cia nsa pentagon kremlin state states
republic kingdom federation times politifact cnn msnbc fox abc cbs nbc npr bbc`);

/** Words before a quoted term that make it a name, title or term rather than speech. */
export const TERM_INTRODUCERS = words(`so-called dubbed nicknamed titled entitled named word
term phrase label slogan motto hashtag headline song film movie book show album program
programme series novel column article essay`);

/** Multi-word cues, matched on lower-cased token sequences. */
export const PHRASE_CUES: string[][] = [
  ['according', 'to'],
  ['in', 'the', 'words', 'of'],
  ['as', 'quoted', 'by'],
  ['quoted', 'as', 'saying'],
  ['pointed', 'out'],
  ['points', 'out'],
  ['fired', 'back'],
  ['put', 'it'],
  ['puts', 'it'],
  ['shot', 'back'],
  ['pushed', 'back'],
  ['wrote', 'back'],
  ['cut', 'in'],
  ['chimed', 'in'],
];

/** Lower-case head nouns that can speak: people, bodies and documents (besides SOURCE_NOUNS). */
export const SPEAKING_NOUNS = words(`ad ads cable group crowd crowds audience website site
tweet release bill complaint lawsuit filing indictment transcript email emails message messages
note sign signs banner poster book article piece column op-ed paper newspaper network page
account committee government administration team office family mother father wife husband son
daughter brother sister children kids parents fans marchers crowd panel jury judge court
board council company firm spokesman spokeswoman aide host moderator anchor reporter reporters
journalist journalists columnist writer author authors candidate candidates nominee president
senator governor mayor secretary chairman chairwoman director chief leader minister
congressman congresswoman representative lawmaker officials agency department pentagon police
sheriff prosecutor prosecutors attorneys lawyer attorney counsel professor teacher doctor
nurse owner manager founder ceo executive organizer group's party staff head partner chair star
spokesperson strategist adviser advisor headline headlines suit passage playbook petition
resolution platform manifesto video caption verdict`);
