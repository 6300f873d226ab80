/**
 * The open-question coach: a question a practitioner might ask a parent or a
 * young person in, a verdict, one sentence saying why, and open alternatives
 * built from the practitioner's own words out. Rules only — no outside service —
 * so it works offline and every suggestion can be traced to the rule that made it.
 *
 * Verdicts, checked in this order (the first that fits wins):
 *   stacked  several questions in one (two question marks, or "…, and did you…")
 *   leading  the answer is suggested ("Don't you think…", "…, isn't it?", "Surely…")
 *   why      starts with "why" or "how come" (can sound like blame)
 *   closed   answerable with yes or no (starts with do, is, can, will… or is a
 *            statement with a question mark)
 *   open     anything else (what, how, who, tell me, describe…)
 */
export type Verdict = 'closed' | 'why' | 'leading' | 'stacked' | 'open';

export interface Coaching {
  verdict: Verdict;
  /** One sentence: why this verdict. */
  reason: string;
  /** Open alternatives, in the practitioner's words where the rules can keep them. */
  rewrites: string[];
}

/** The longest question the coach reads; longer text is refused with a plain message. */
export const MAX_QUESTION_LENGTH = 1000;

export type CoachInput = { ok: true; question: string } | { ok: false; message: string };

/** Empty, or too long to be a question asked in a conversation: said plainly, nothing coached. */
export function checkQuestion(raw: string): CoachInput {
  const question = raw.replace(/\s+/g, ' ').trim();
  if (!question)
    return { ok: false, message: 'Type a question you might ask, then press “Check my question”.' };
  if (question.length > MAX_QUESTION_LENGTH)
    return {
      ok: false,
      message: `That is ${raw.length.toLocaleString('en-GB')} characters; a question asked in a conversation is much shorter. Type one question of up to ${MAX_QUESTION_LENGTH.toLocaleString('en-GB')} characters.`,
    };
  return { ok: true, question };
}

const AUX = new Set([
  'do',
  'does',
  'did',
  'is',
  'are',
  'was',
  'were',
  'am',
  'have',
  'has',
  'had',
  'can',
  'could',
  'will',
  'would',
  'should',
  'shall',
  'may',
  'might',
  'must',
]);
const NEG_AUX = new Map([
  ["don't", 'do'],
  ["doesn't", 'does'],
  ["didn't", 'did'],
  ["isn't", 'is'],
  ["aren't", 'are'],
  ["wasn't", 'was'],
  ["weren't", 'were'],
  ["haven't", 'have'],
  ["hasn't", 'has'],
  ["can't", 'can'],
  ["couldn't", 'could'],
  ["won't", 'will'],
  ["wouldn't", 'would'],
  ["shouldn't", 'should'],
]);
const OPENERS = [
  'what',
  "what's",
  'how',
  "how's",
  'who',
  "who's",
  'where',
  'when',
  'which',
  'tell',
  'describe',
  'talk',
  'help',
  'walk',
  'explain',
  'share',
  'imagine',
];
const FILLERS = /^(?:(?:so|and|but|ok|okay|right|well|now|then|um|erm)\b[,\s]*)+/i;
const SUBJECTS = new Set(['you', 'he', 'she', 'it', 'they', 'we', 'i', 'there', 'that', 'this', 'things']);
const DETERMINERS = new Set([
  'your',
  'his',
  'her',
  'their',
  'the',
  'my',
  'our',
  'mum',
  'dad',
  'this',
  'that',
]);
/** Words that describe how someone is: "are you worried", "is it hard". */
const FEELINGS = new Set([
  'ok',
  'okay',
  'alright',
  'all',
  'fine',
  'safe',
  'happy',
  'unhappy',
  'sad',
  'upset',
  'angry',
  'cross',
  'worried',
  'anxious',
  'scared',
  'frightened',
  'nervous',
  'confident',
  'comfortable',
  'ready',
  'able',
  'supported',
  'relieved',
  'listened',
  'lonely',
  'tired',
  'stressed',
  'hard',
  'difficult',
  'easy',
  'good',
  'bad',
  'better',
  'worse',
  'hurt',
  'sure',
  'unsure',
  'clear',
  'bothered',
  'pleased',
  'glad',
  'embarrassed',
  'ashamed',
  'overwhelmed',
  'close',
]);
const ADVERBS = new Set([
  'still',
  'really',
  'ever',
  'always',
  'usually',
  'often',
  'now',
  'currently',
  'actually',
]);
const PRONOUN_OBJECT: Record<string, string> = { i: 'me', he: 'him', she: 'her', we: 'us', they: 'them' };
const POSSESSIVE: Record<string, string> = { you: 'your', he: 'his', she: 'her', they: 'their', we: 'our' };
const BE_PRESENT: Record<string, string> = { you: 'are', they: 'are', we: 'are', i: 'am' };

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const lower = (s: string) => s.toLowerCase();
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const bare = (s: string) =>
  s
    .replace(/[?.!]+$/g, '')
    .replace(/,$/, '')
    .trim();

/** "you'd" → "you would", "it's" → "it is": the rules read whole words. */
function expand(s: string): string {
  return s
    .replace(/\b(you|we|they|i|he|she)'d\b/gi, '$1 would')
    .replace(/\b(you|we|they)'re\b/gi, '$1 are')
    .replace(/\b(you|we|they|i)'ve\b/gi, '$1 have')
    .replace(/\b(you|we|they|i|he|she|it)'ll\b/gi, '$1 will')
    .replace(/\bi'm\b/gi, 'I am')
    .replace(/\b(it|that|there|he|she)'s\b/gi, '$1 is')
    .replace(/[’‘]/g, "'");
}

/** "visit" → "visits", "go" → "goes", "try" → "tries". */
export function thirdPerson(verb: string): string {
  const v = lower(verb);
  if (v === 'have') return 'has';
  if (/(s|sh|ch|x|z|o)$/.test(v)) return `${v}es`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ies`;
  return `${v}s`;
}

const IRREGULAR_PAST: Record<string, string> = {
  go: 'went',
  eat: 'ate',
  come: 'came',
  get: 'got',
  see: 'saw',
  take: 'took',
  have: 'had',
  make: 'made',
  say: 'said',
  tell: 'told',
  feel: 'felt',
  leave: 'left',
  sleep: 'slept',
  meet: 'met',
  find: 'found',
  give: 'gave',
  know: 'knew',
  think: 'thought',
  hear: 'heard',
  keep: 'kept',
  do: 'did',
  be: 'was',
  speak: 'spoke',
  sit: 'sat',
  run: 'ran',
  buy: 'bought',
  bring: 'brought',
  hit: 'hit',
  put: 'put',
  let: 'let',
  hurt: 'hurt',
  lose: 'lost',
  pay: 'paid',
  sell: 'sold',
  send: 'sent',
  spend: 'spent',
  stand: 'stood',
  understand: 'understood',
  wake: 'woke',
  write: 'wrote',
  forget: 'forgot',
  begin: 'began',
};

/** "go" → "went", "miss" → "missed", "try" → "tried", "stop" → "stopped". */
export function pastOf(verb: string): string {
  const v = lower(verb);
  if (IRREGULAR_PAST[v]) return IRREGULAR_PAST[v];
  if (v.endsWith('e')) return `${v}d`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ied`;
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(v)) return `${v}${v.at(-1)}ed`;
  return `${v}ed`;
}

/** The -ing form of a verb, by the spelling rules (regular verbs; the common exceptions listed). */
export function gerund(verb: string): string {
  const v = lower(verb);
  const special: Record<string, string> = {
    be: 'being',
    see: 'seeing',
    lie: 'lying',
    die: 'dying',
    have: 'having',
    get: 'getting',
    put: 'putting',
    sit: 'sitting',
    stop: 'stopping',
    run: 'running',
    swim: 'swimming',
    visit: 'visiting',
  };
  if (special[v]) return special[v];
  if (v.endsWith('ie')) return `${v.slice(0, -2)}ying`;
  if (v.endsWith('ee') || v.endsWith('ye') || v.endsWith('oe')) return `${v}ing`;
  if (v.endsWith('e') && v.length > 2) return `${v.slice(0, -1)}ing`;
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(v)) return `${v}${v.at(-1)}ing`;
  return `${v}ing`;
}

/** How the question begins, fillers ("So, ...") set aside. */
function firstWord(q: string): string {
  const w = words(lower(q.replace(FILLERS, '')))[0] ?? '';
  return w.replace(/[^a-z']/g, '');
}

/** The questions in a text: split at question marks, each kept if it has a word in it. */
function questionParts(q: string): string[] {
  return q
    .split(/(?<=\?)/)
    .map((p) => p.trim())
    .filter((p) => /[a-z]/i.test(p));
}

const JOINED_QUESTION =
  /[,;]?\s+(?:and|or|but)\s+(?:also\s+)?((?:(?:what|how|why|when|where|who)\s+)?(?:do|does|did|is|are|was|were|have|has|can|could|will|would|should)\s+(?:you|he|she|they|it|we|i|there|the|your|his|her|their|that)\b.*)$/i;

/** "Are you OK, and did you go?" → the second question, if one is joined on. */
function joinedQuestion(q: string): string | null {
  const m = JOINED_QUESTION.exec(q);
  return m?.[1] ? sentence(m[1]) : null;
}

const LEADING_START =
  /^(?:don't|doesn't|didn't|wouldn't|won't|isn't|aren't|can't|couldn't|shouldn't|haven't|hasn't)\s+(?:you|he|she|they|it|we|there|that)\b/i;
const TAG_WORDS =
  "(?:is not it|are not you|isn't it|aren't you|aren't they|don't you|doesn't it|doesn't he|doesn't she|didn't you|didn't it|wasn't it|weren't you|won't you|wouldn't you|can't you|haven't you|hasn't it|right|yeah|ok|surely|is that right|am i right)";
const LEADING_TAG = new RegExp(`,\\s*${TAG_WORDS}\\s*\\?$`, 'i');
const TAG_AT_END = new RegExp(`,\\s*${TAG_WORDS}\\s*$`, 'i');
const LEADING_WORDS =
  /^(?:surely|obviously|of course)\b|^(?:you must (?:feel|be|agree|know|see|think)|you would agree|i am sure you|i expect you)\b/i;

/** Coaches one question. */
export function coach(raw: string): Coaching {
  const q = expand(raw.replace(/\s+/g, ' ').trim());
  const parts = questionParts(q);
  const joined = parts.length === 1 ? joinedQuestion(q) : null;
  if (parts.length > 1 || joined) {
    const first = joined
      ? q.slice(0, q.length - joined.length).replace(/[,;]?\s*(and|or|but)\s*$/i, '')
      : parts[0]!;
    const rest = joined ?? parts.slice(1).join(' ');
    return {
      verdict: 'stacked',
      reason:
        'It asks several questions at once, so the person has to choose which to answer and may answer none of them well.',
      rewrites: unique([...oneAtATime(first), ...oneAtATime(rest)]).slice(0, 3),
    };
  }
  const text = bare(q);
  if (isLeading(q)) {
    return {
      verdict: 'leading',
      reason:
        'It suggests the answer you expect, so the person may agree to please you rather than say what they think.',
      rewrites: leadingRewrites(text),
    };
  }
  const start = firstWord(q);
  if (start === 'why' || /^how come\b/i.test(text.replace(FILLERS, ''))) {
    return {
      verdict: 'why',
      reason:
        'A “why” question can sound like blame and put the person on the defensive; ask what happened or what led to it instead.',
      rewrites: whyRewrites(text.replace(FILLERS, '')),
    };
  }
  if (AUX.has(start) || NEG_AUX.has(start) || start === 'any' || start === 'anything' || start === 'anyone') {
    return {
      verdict: 'closed',
      reason: `It starts with “${start}”, so it can be answered with a yes or a no and the conversation can stop there.`,
      rewrites: closedRewrites(text.replace(FILLERS, '')),
    };
  }
  if (OPENERS.includes(start) || !q.endsWith('?')) {
    return {
      verdict: 'open',
      reason:
        'It is open: it invites the person to tell you in their own words, and cannot be answered with a plain yes or no.',
      rewrites: [],
    };
  }
  return {
    verdict: 'closed',
    reason:
      'It is a statement with a question mark, so it asks the person to agree or disagree with a yes or a no.',
    rewrites: statementRewrites(text.replace(FILLERS, '')),
  };
}

function isLeading(q: string): boolean {
  const t = q.replace(FILLERS, '');
  return LEADING_START.test(t) || LEADING_TAG.test(t) || LEADING_WORDS.test(t);
}

/** A part of a stacked question: itself if open, or its own open alternatives. */
function oneAtATime(part: string): string[] {
  const p = part.trim();
  if (!p) return [];
  const c = coach(p.endsWith('?') ? p : `${p}?`);
  if (c.verdict === 'open') return [sentence(p.endsWith('?') ? p : `${p}?`)];
  return c.rewrites.slice(0, 1);
}

function unique(xs: string[]) {
  return [...new Set(xs)];
}

/** "you can call" → "can you call"; "you like" → "do you like": a clause turned into a question. */
function invert(clause: string[]): string[] | null {
  const [s, v, ...rest] = clause;
  if (!s || !v) return null;
  if (AUX.has(lower(v))) return [lower(v), s, ...rest];
  const does = ['he', 'she', 'it'].includes(lower(s)) ? 'does' : 'do';
  return [does, s, v.replace(/s$/, ''), ...rest];
}

/** How far the subject runs: "you", "your mum", "the children", "Sam". */
function subjectLength(ws: string[]): number {
  const w0 = lower(ws[0] ?? '');
  if (SUBJECTS.has(w0)) return 1;
  if (DETERMINERS.has(w0) && ws[1]) return ws[2] && /^(mum|dad|nan|gran)$/i.test(ws[1]) ? 2 : 2;
  if (/^[A-Z]/.test(ws[0] ?? '')) return 1;
  return 1;
}

const objectOf = (s: string) => PRONOUN_OBJECT[lower(s)] ?? s;
const possessiveOf = (s: string) => POSSESSIVE[lower(s)] ?? `${s}’s`;
const present = (s: string) => BE_PRESENT[lower(s)] ?? 'is';

/** Someone or something named at the start of a phrase, changed to fit after "about": "any worries" → "your worries". */
function topic(ws: string[], owner: string): string {
  const [d, ...rest] = ws;
  if (!d) return 'that';
  const dl = lower(d);
  if (['any', 'a', 'an', 'some'].includes(dl)) return [possessiveOf(owner), ...rest].join(' ');
  return ws.join(' ');
}

/** Open alternatives to a yes/no question, from its words. */
function closedRewrites(text: string): string[] {
  let ws = words(text);
  let aux = lower(ws[0] ?? '');
  let negative = false;
  if (NEG_AUX.has(aux)) {
    aux = NEG_AUX.get(aux)!;
    negative = true;
  }
  if (['any', 'anything', 'anyone'].includes(aux)) return anyRewrites(ws);
  ws = ws.slice(1);
  // "Can you tell me about your week?" → the invitation itself.
  const invitation = /^(?:you\s+)?(?:tell|talk|explain|describe|say)\s+(?:me|us)?\s*(.*)$/i.exec(
    ws.join(' '),
  );
  if (['can', 'could', 'would', 'will'].includes(aux) && invitation && lower(ws[0] ?? '') === 'you') {
    const verb = ws[1]!;
    const tail = ws.slice(2).join(' ');
    return [sentence(`${lower(verb)} ${tail}.`.replace(/\s+\./, '.').replace(/\s+/g, ' '))];
  }
  if (aux === 'is' || aux === 'are' || aux === 'was' || aux === 'were' || aux === 'am') {
    if (lower(ws[0] ?? '') === 'there') return thereRewrites(ws.slice(1), aux);
    return beRewrites(aux, ws);
  }
  const n = subjectLength(ws);
  const subject = ws.slice(0, n).join(' ');
  const pred = ws.slice(n);
  const verb = lower(pred[0] ?? '');
  const rest = pred.slice(1);
  const restText = rest.join(' ');
  if (!verb) return ['What is that like for you?', 'Tell me more about that.'];
  if (aux === 'have' || aux === 'has' || aux === 'had') {
    if (verb === 'got' || verb === 'any' || verb === 'anyone')
      return haveRewrites(subject, verb === 'got' ? rest : pred);
    return perfectRewrites(aux, subject, verb, rest);
  }
  if (negative)
    return [
      `What makes it hard for ${objectOf(subject)} to ${pred.join(' ')}?`,
      `What gets in the way of ${gerund(verb)}${restText ? ` ${restText}` : ''}?`,
    ];
  if (aux === 'do' || aux === 'does' || aux === 'did') {
    const past = aux === 'did';
    if (verb === 'have' || verb === 'got') return haveRewrites(subject, rest);
    if (['like', 'enjoy', 'love', 'hate', 'mind', 'know', 'understand', 'remember', 'notice'].includes(verb))
      return [
        `What ${aux} ${subject} ${verb} about ${restText || 'it'}?`,
        `Tell me about ${restText || 'that'}.`,
      ];
    if (verb === 'think' || verb === 'believe') {
      const clause = rest[0] === 'that' ? rest.slice(1) : rest;
      const about = clauseTopic(clause);
      return [`What ${aux} ${subject} think about ${about}?`, `How ${aux} ${subject} see ${about}?`];
    }
    if (verb === 'feel') return feelRewrites(aux, subject, rest);
    if (['want', 'need', 'wish', 'plan', 'hope', 'try'].includes(verb) && rest[0] === 'to' && rest[1]) {
      const then = `${gerund(rest[1])}${rest.length > 2 ? ` ${rest.slice(2).join(' ')}` : ''}`;
      return [
        `How ${aux} ${subject} feel about ${then}?`,
        `What would help ${objectOf(subject)} with ${then}?`,
      ];
    }
    const manner = rest.length && ['well', 'ok', 'okay', 'alright', 'badly'].includes(lower(rest.at(-1)!));
    if (manner)
      return [
        `How ${aux} ${subject} ${[verb, ...rest.slice(0, -1)].join(' ')}?`,
        `What ${past ? 'was' : 'is'} ${gerund(verb)} like for ${objectOf(subject)}?`,
      ];
    if (['anyone', 'anybody', 'someone', 'somebody'].includes(lower(subject)))
      return [
        `Who ${past ? pastOf(verb) : thirdPerson(verb)}${restText ? ` ${restText}` : ''}?`,
        `Tell me about anyone who ${past ? pastOf(verb) : thirdPerson(verb)}${restText ? ` ${restText}` : ''}.`,
      ];
    const doing = `${gerund(verb)}${restText ? ` ${restText}` : ''}`;
    const who = lower(subject) === 'you' ? '' : `${objectOf(subject)} `;
    return past
      ? [
          `What happened when ${subject} ${[pastOf(verb), ...rest].join(' ')}?`,
          `Tell me about ${who}${doing}.`,
        ]
      : [
          `What is it like when ${subject} ${[aux === 'does' ? thirdPerson(verb) : verb, ...rest].join(' ')}?`,
          `Tell me about ${who}${doing}.`,
        ];
  }
  // can, could, will, would, should, shall, may, might, must
  const toAt = rest.findIndex((w, i) => lower(w) === 'to' && i > 0 && rest[i + 1]);
  if (verb === 'be' && toAt > 0) {
    const doing = `${gerund(rest[toAt + 1]!)}${rest.length > toAt + 2 ? ` ${rest.slice(toAt + 2).join(' ')}` : ''}`;
    return [`How do you feel about ${doing}?`, `What would ${doing} be like for you?`];
  }
  if (verb === 'like' && rest[0] === 'to' && rest[1]) {
    const then = `${gerund(rest[1])}${rest.length > 2 ? ` ${rest.slice(2).join(' ')}` : ''}`;
    return [`How ${present(subject)} ${subject} feeling about ${then}?`, `What would make ${then} easier?`];
  }
  if (aux === 'should' || aux === 'shall')
    return [
      `What do you think about ${gerund(verb)}${restText ? ` ${restText}` : ''}?`,
      'What would you like to happen next?',
    ];
  return [
    `What would help ${objectOf(subject)} to ${pred.join(' ')}?`,
    `How ${present(subject)} ${subject} feeling about ${gerund(verb)}${restText ? ` ${restText}` : ''}?`,
  ];
}

/** "Have you thought about college?" → "What have you thought about college?"; "Have you spoken to your mum?" → "How have things been with your mum?" */
function perfectRewrites(aux: string, subject: string, participle: string, rest: string[]): string[] {
  const restText = rest.join(' ');
  const have = aux === 'had' ? 'had' : lower(subject) === 'you' || lower(subject) === 'they' ? 'have' : 'has';
  if (['thought', 'considered', 'noticed', 'decided', 'heard', 'tried'].includes(participle))
    return [
      `What ${have} ${subject} ${participle} ${restText || 'so far'}?`,
      `Tell me more about ${rest[0] === 'about' ? rest.slice(1).join(' ') : restText || 'that'}.`,
    ];
  if (participle === 'been' && rest[0] === 'to' && ['see', 'visit'].includes(lower(rest[1] ?? '')))
    return [`How have things been with ${subject}?`, `Tell me about the visits from ${subject}.`];
  if (participle === 'been' && rest[0] === 'to' && rest[1])
    return [`Tell me about going ${restText}.`, `What happened when ${subject} went ${restText}?`];
  const prep = rest.findIndex((w) => ['to', 'with', 'at'].includes(lower(w)));
  if (prep >= 0 && rest[prep + 1]) {
    const end = rest.findIndex(
      (w, i) =>
        i > prep + 1 &&
        [
          'since',
          'about',
          'at',
          'in',
          'on',
          'before',
          'after',
          'today',
          'yet',
          'recently',
          'lately',
        ].includes(lower(w)),
    );
    const np = rest.slice(prep + 1, end > 0 ? end : undefined).join(' ');
    const tail = end > 0 ? ` ${rest.slice(end).join(' ')}` : '';
    return [`How ${aux === 'had' ? 'had' : 'have'} things been with ${np}${tail}?`, `Tell me about ${np}.`];
  }
  if (lower(subject) !== 'you')
    return [
      `How ${aux === 'had' ? 'had' : 'have'} things been with ${subject}?`,
      `Tell me about ${subject}.`,
    ];
  return ['What has happened since we last talked?', 'Tell me more about that.'];
}

/** "the plan will work" → "the plan": what a "do you think …" question is about. */
function clauseTopic(clause: string[]): string {
  const stop = clause.findIndex((w, i) => i > 0 && (AUX.has(lower(w)) || NEG_AUX.has(lower(w))));
  const np = (stop > 0 ? clause.slice(0, stop) : clause).join(' ');
  return np || 'that';
}

/** "Do you have anyone that supports you with the children?" → "Tell me about who supports you with the children." */
function haveRewrites(subject: string, obj: string[]): string[] {
  const [d, ...rest] = obj;
  const dl = lower(d ?? '');
  if (['anyone', 'anybody', 'someone', 'somebody'].includes(dl)) {
    const rel = ['that', 'who'].includes(lower(rest[0] ?? '')) ? rest.slice(1) : rest;
    if (rel.length === 0)
      return [
        `Who ${present(subject)} there for ${objectOf(subject)}?`,
        `Tell me about the people around ${objectOf(subject)}.`,
      ];
    const clause = rel.join(' ');
    const inverted = SUBJECTS.has(lower(rel[0] ?? '')) ? invert(rel) : null;
    return inverted
      ? [`Tell me about who ${clause}.`, `Who ${inverted.join(' ')}?`]
      : [`Tell me about who ${clause}.`, `Who ${clause}?`];
  }
  if (['anything', 'something'].includes(dl)) {
    const clause = rest.join(' ');
    return [`Tell me about what ${clause}.`, `What ${clause || 'is on your mind'}?`];
  }
  if (['any', 'a', 'an', 'some'].includes(dl) && rest[0]) {
    const [noun, ...after] = rest;
    const who = lower(subject);
    const does = ['you', 'they', 'we', 'i'].includes(who) ? 'do' : 'does';
    return [
      `What ${noun} ${does} ${subject} have${after.length ? ` ${after.join(' ')}` : ''}?`,
      `Tell me about ${topic(obj, subject)}.`,
    ];
  }
  return [`Tell me about ${topic(obj, subject)}.`, 'What is that like for you?'];
}

/** "Is there anyone you can call?" → "Who can you call?"; "Is there anything worrying you?" → "What is worrying you?" */
function thereRewrites(ws: string[], aux: string): string[] {
  const [d, ...rest] = ws;
  const dl = lower(d ?? '');
  const wh = ['anyone', 'anybody', 'someone', 'somebody'].includes(dl)
    ? 'who'
    : ['anything', 'something'].includes(dl)
      ? 'what'
      : null;
  if (wh && rest.length) {
    const rel = ['that', 'who', 'which'].includes(lower(rest[0]!)) ? rest.slice(1) : rest;
    const clause = rel.join(' ');
    const inverted = SUBJECTS.has(lower(rel[0] ?? '')) ? invert(rel) : null;
    return [
      sentence(
        `${wh} ${inverted ? inverted.join(' ') : lower(rel[0] ?? '').endsWith('ing') ? `is ${clause}` : clause}?`,
      ),
      `Tell me about ${wh === 'who' ? 'anyone' : 'anything'} ${clause}.`,
    ];
  }
  if (wh) return [sentence(`${wh} ${aux} on your mind?`), 'Tell me more about what is going on.'];
  return [`Tell me about ${ws.join(' ') || 'that'}.`, 'What is that like for you?'];
}

/** "Are you worried about the baby?" → "How do you feel about the baby?"; "Is it hard looking after three?" → "What is it like looking after three?" */
function beRewrites(aux: string, ws: string[]): string[] {
  const feelingAt = ws.findIndex((w) => FEELINGS.has(lower(w)));
  const past = aux === 'was' || aux === 'were';
  if (feelingAt > 0) {
    const subject = ws.slice(0, feelingAt).join(' ');
    let after = ws.slice(feelingAt + 1);
    if (lower(ws[feelingAt]!) === 'all' && lower(after[0] ?? '') === 'right') after = after.slice(1);
    if (['with', 'about', 'of', 'at', 'for', 'by'].includes(lower(after[0] ?? ''))) after = after.slice(1);
    const rest = after.join(' ');
    if (lower(subject) === 'it' || lower(subject) === 'that' || lower(subject) === 'this')
      return [`What ${aux} it like${rest ? ` ${rest}` : ''}?`, `Tell me about ${rest || 'that'}.`];
    if (SUBJECTS.has(lower(subject)) && lower(subject) !== 'there' && !rest && !past)
      return [
        `How ${present(subject)} ${subject} feeling?`,
        `What has been on ${possessiveOf(subject)} mind?`,
      ];
    if (SUBJECTS.has(lower(subject)) && lower(subject) !== 'there')
      return past
        ? [
            `How did ${subject} feel${rest ? ` ${aboutOrAs(rest)}` : ''}?`,
            `What was that like for ${objectOf(subject)}?`,
          ]
        : [
            `How ${aux === 'am' ? 'do' : ['you', 'they', 'we'].includes(lower(subject)) ? 'do' : 'does'} ${subject} feel${rest ? ` ${aboutOrAs(rest)}` : ''}?`,
            `What is ${rest || 'that'} like for ${objectOf(subject)}?`,
          ];
    return [`How ${aux} ${subject}${rest ? ` ${rest}` : ''}?`, `Tell me about ${subject}.`];
  }
  // "Are you going to the meeting?" → "How do you feel about going to the meeting?"
  const n = subjectLength(ws);
  const subject = ws.slice(0, n).join(' ');
  const pred = ws.slice(n).filter((w, i) => !(i === 0 && ADVERBS.has(lower(w))));
  const first = lower(pred[0] ?? '');
  if (first.endsWith('ing')) {
    const doing = pred.join(' ');
    if (lower(subject) !== 'you')
      return [
        `What ${past ? 'was' : 'is'} ${possessiveOf(subject)} ${doing} like${past ? '' : ' at the moment'}?`,
        `Tell me about ${possessiveOf(subject)} ${doing}.`,
      ];
    return [
      `How ${past ? 'did' : 'do'} ${subject} feel about ${doing}?`,
      `What ${past ? 'was' : 'is'} ${doing} like?`,
    ];
  }
  if (first === 'right' || first === 'true' || first === 'fair')
    return ['What do you make of that?', 'What would you change about what I have said?'];
  return [
    `Tell me about ${pred.length ? pred.join(' ') : subject}.`,
    `What ${aux === 'are' || aux === 'were' ? (past ? 'was' : 'is') : aux} that like for you?`,
  ];
}

/** "the baby" → "about the baby"; "when the police came" stays as it is. */
function aboutOrAs(rest: string): string {
  return /^(when|if|before|after|at|in|on|while|during|since|around)\b/i.test(rest) ? rest : `about ${rest}`;
}

/** "Do you feel safe at home?" → "How do you feel at home?" / "What helps you feel safe at home?" */
function feelRewrites(aux: string, subject: string, rest: string[]): string[] {
  const feeling = rest[0] && FEELINGS.has(lower(rest[0])) ? rest[0] : null;
  const after = feeling ? rest.slice(1) : rest;
  const tail = after.join(' ');
  if (feeling)
    return [
      `How ${aux} ${subject} feel${tail ? ` ${tail}` : ''}?`,
      `What ${aux === 'did' ? 'helped' : 'helps'} ${objectOf(subject)} feel ${[feeling, ...after].join(' ')}?`,
    ];
  return [
    `How ${aux} ${subject} feel ${tail || 'about that'}?`,
    `Tell me more about how ${subject} feel${tail ? ` ${tail}` : ''}.`,
  ];
}

/** "Anything else?" → "What else?" */
function anyRewrites(ws: string[]): string[] {
  const rest = ws.slice(1).join(' ');
  const w0 = lower(ws[0]!);
  if (w0 === 'anyone') return [`Who ${rest || 'else'}?`, `Tell me about anyone ${rest}.`.replace(' .', '.')];
  return [`What ${rest || 'else'}?`, `Tell me about anything ${rest || 'else'}.`.replace(' .', '.')];
}

/** "You went to school today?" → "Tell me about school today." — said as a question, still yes or no. */
function statementRewrites(text: string): string[] {
  const ws = words(text);
  const n = subjectLength(ws);
  const subject = SUBJECTS.has(lower(ws[0] ?? ''))
    ? [lower(ws[0]!), ...ws.slice(1, n)].join(' ')
    : ws.slice(0, n).join(' ');
  const pred = ws.slice(n);
  const feelingAt = pred.findIndex((w) => FEELINGS.has(lower(w)));
  if (feelingAt >= 0) {
    const after = pred
      .slice(feelingAt + 1)
      .filter((w, i) => !(i === 0 && ['with', 'about', 'at'].includes(lower(w))));
    return [
      `How ${['you', 'they', 'we'].includes(lower(subject)) ? 'do' : 'does'} ${subject} feel${after.length ? ` about ${after.join(' ')}` : ''}?`,
      'Tell me more about that.',
    ];
  }
  return [`Tell me more about how ${[subject, ...pred].join(' ')}.`, 'What is that like for you?'];
}

/** "Why did you miss the meeting?" → "What led you to miss the meeting?" */
function whyRewrites(text: string): string[] {
  let ws = words(text);
  if (lower(ws[0] ?? '') === 'how' && lower(ws[1] ?? '') === 'come') {
    ws = ws.slice(2);
    return [
      `Help me understand what was happening when ${ws.join(' ') || 'that happened'}.`,
      'What led up to that?',
    ];
  }
  ws = ws.slice(1);
  let aux = lower(ws[0] ?? '');
  const negative = NEG_AUX.has(aux) || lower(ws[2] ?? '') === 'not';
  if (NEG_AUX.has(aux)) aux = NEG_AUX.get(aux)!;
  const rest = ws.slice(1).filter((w, i) => !(i === 1 && lower(w) === 'not'));
  if (!AUX.has(aux) || rest.length < 2)
    return ['What happened?', 'Help me understand what was going on for you.'];
  const n = subjectLength(rest);
  const subject = rest.slice(0, n).join(' ');
  const pred = rest.slice(n);
  const who = objectOf(subject);
  if (['is', 'are', 'was', 'were', 'am'].includes(aux)) {
    const feeling = pred.find((w) => FEELINGS.has(lower(w)));
    if (feeling)
      return [
        `What is making ${who} feel ${pred.join(' ')}?`,
        `Tell me about what has led to ${who} feeling ${feeling}.`,
      ];
    const [adj, ...more] = pred[0] === 'so' || pred[0] === 'always' ? pred.slice(1) : pred;
    return [
      `What do you think has led to ${subject === 'you' ? 'you' : subject} being ${[pred[0] === 'so' ? 'so' : '', adj, ...more].filter(Boolean).join(' ')}?`,
      'Help me understand what is going on.',
    ];
  }
  const past = ['did', 'had', 'could', 'would'].includes(aux);
  if (negative)
    return [
      `What made it hard for ${who} to ${pred.join(' ')}?`.replace(
        /^What made/,
        past ? 'What made' : 'What makes',
      ),
      `What gets in the way of ${gerund(pred[0]!)}${pred.length > 1 ? ` ${pred.slice(1).join(' ')}` : ''}?`,
    ];
  return [
    `What ${past ? 'led' : 'leads'} ${who} to ${pred.join(' ')}?`,
    past
      ? `Help me understand what was going on for ${who} at the time.`
      : `Help me understand what is going on for ${who}.`,
  ];
}

/** "Don't you think you should stop drinking?" → "What do you think about stopping drinking?" */
function leadingRewrites(text: string): string[] {
  let t = text.replace(FILLERS, '').replace(TAG_AT_END, '').replace(/,\s*$/, '');
  t = t.replace(/^(?:surely|obviously|of course),?\s*/i, '');
  const m =
    /^(?:don't|wouldn't|doesn't|didn't|isn't|aren't|can't)\s+(?:you|he|she|they)\s+(?:think|agree|feel|believe|reckon)\s+(?:that\s+)?(.*)$/i.exec(
      t,
    ) ??
    /^(?:you must|you would|i am sure you|i expect you)\s+(?:think|agree|feel|believe|know|see)\s+(?:that\s+)?(.*)$/i.exec(
      t,
    );
  const first = lower(words(t)[0] ?? '');
  if (!m && NEG_AUX.has(first)) return closedRewrites([NEG_AUX.get(first)!, ...words(t).slice(1)].join(' '));
  const said = words(m ? m[1]! : t);
  const clause = said[0] && FEELINGS.has(lower(said[0])) ? ['you', 'are', ...said] : said;
  const n = subjectLength(clause);
  const pred = clause.slice(n);
  const modal = lower(pred[0] ?? '');
  if (['should', 'could', 'would', 'will', 'must', 'can', 'ought'].includes(modal) && pred[1]) {
    const v = pred[1] === 'to' && pred[2] ? 2 : 1;
    const doing = `${gerund(pred[v]!)}${pred.length > v + 1 ? ` ${pred.slice(v + 1).join(' ')}` : ''}`;
    return [`What do you think about ${doing}?`, `How do you feel about ${doing}?`];
  }
  const toAt = pred.findIndex(
    (w, i) => lower(w) === 'to' && i + 1 < pred.length && !SUBJECTS.has(lower(pred[i + 1]!)),
  );
  if (['want', 'need', 'wish'].includes(modal) && toAt === 1) {
    const doing = `${gerund(pred[2]!)}${pred.length > 3 ? ` ${pred.slice(3).join(' ')}` : ''}`;
    return [`How do you feel about ${doing}?`, `What would ${doing} mean for you?`];
  }
  const subjectWord = lower(clause[0] ?? '');
  const comparing = pred.findIndex((w) =>
    ['better', 'best', 'worse', 'easier', 'harder', 'safer'].includes(lower(w)),
  );
  if (subjectWord === 'it' && comparing >= 0) {
    const after = pred.slice(comparing + 1);
    const cond = after.findIndex((w) => ['if', 'when', 'to'].includes(lower(w)));
    const forWho = (cond >= 0 ? after.slice(0, cond) : after).join(' ');
    const condition = cond >= 0 ? ` ${after.slice(cond).join(' ')}` : '';
    return [
      `What do you think would be best${forWho ? ` ${forWho}` : ''}?`,
      `What would it mean${forWho ? ` ${forWho}` : ' for you'}${condition.startsWith(' to') ? '' : condition}?`,
    ];
  }
  const feelingAt = pred.findIndex((w) => FEELINGS.has(lower(w)));
  if (feelingAt >= 0) {
    if (lower(pred[feelingAt + 1] ?? '') === 'that' && pred.length > feelingAt + 2)
      return [
        `How do you feel now that ${pred.slice(feelingAt + 2).join(' ')}?`,
        'What is that like for you?',
      ];
    const after = pred
      .slice(feelingAt + 1)
      .filter((w, i) => !(i === 0 && ['with', 'about', 'at', 'of', 'that'].includes(lower(w))));
    const about = after.length ? ` about ${after.join(' ')}` : '';
    return [`How do you feel${about}?`, `What is ${after.length ? after.join(' ') : 'that'} like for you?`];
  }
  const subject = clause.slice(0, n).join(' ');
  if (['want', 'need'].includes(modal) && pred[1])
    return [`What do you want for ${pred.slice(1, 3).join(' ')}?`, 'What would you like to happen next?'];
  const is = ['is', 'are'].includes(modal);
  if (is && pred.length > 1)
    return [
      `What do you think about ${subject} ${pred.join(' ')}?`.replace(/ is /, ' being '),
      'How do you see it?',
    ];
  return ['What do you make of that?', 'How do you see things?'];
}
