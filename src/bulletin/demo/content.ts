/**
 * The demo's editions, in our own words. The current one is built from the
 * facts of the seed bulletin (its practice focus, its articles, its two
 * Stage 2 complaints, its outside learning accounts); its training list is not
 * written here at all: it is generated from the demo's catalogue.
 */
export interface DemoArticle {
  kind: 'article' | 'pull-quote';
  title: string;
  body: string;
  mustRead?: boolean;
  /** A file beside this one (drawn by Chromium from our own words: scripts/image-fixtures/make.py). */
  image?: { file: string; alt: string; caption: string };
}

export const CURRENT_WELCOME = `Welcome to this month's Practice and Learning Bulletin. Our practice focus is motivational interviewing — some of us call it motivational conversations — and the OARS skills at its heart.

Also in this edition: building cultural competence, what good performance really means for the children we work with, and what two Stage 2 complaints have taught us. As ever, the training list below is full of dates you can book today.

Tell me what you would like to read about, or send me something you have written: the bulletin is better for your voices.`;

export const CURRENT_SIGN_OFF = 'With best wishes\nHelen Marsh\nPrincipal Social Worker';

export const CURRENT_ARTICLES: DemoArticle[] = [
  {
    kind: 'article',
    title: 'Practice focus: motivational interviewing',
    image: {
      file: 'oars.png',
      alt: 'OARS, the four skills of motivational interviewing: Open questions (“Tell me about…”), Affirmations (name what is going well), Reflections (“It sounds as though…”) and Summaries (“So what you have told me is…”).',
      caption: 'The four OARS skills, each with a way to begin.',
    },
    body: `Motivational interviewing is a way of talking with people about change. It fits how we work: it starts from the relationship and looks for strengths before problems.

It helps most when someone feels two ways about a change. Feeling torn is a normal part of changing something hard, and we often ask parents and young people to change a great deal, quickly, without thinking about how change actually happens for them.

The approach uses four skills, remembered as **OARS**:

- **Open questions** invite people to think aloud. "Who helps you with the children?" becomes "Tell me about the people who help you with the children." Try to avoid "why" questions: they tend to make people defensive.
- **Affirmations** name what is going well. Noticing strengths builds confidence, and balances the conversation about worries.
- **Reflections** show we have listened, by giving back what we heard in our own words: "It sounds as though…"
- **Summaries** pull the conversation together, check we have understood, and steer gently towards change: "So what you have told me is… have I got that right?"

The practice focus sessions are in the training list below.`,
  },
  {
    kind: 'pull-quote',
    title: '',
    body: 'Small steps, taken every day, become big changes.',
  },
  {
    kind: 'article',
    title: 'Building cultural competence',
    body: `Cultural competence is our ability to work well with people who differ from us in any way — not only ethnicity, but class, faith, language, family life and more. Families who feel we lack it will not feel respected, and our model of practice depends on relationships built on respect.

What it looks like day to day:

- **Openness**: accepting that people live differently.
- **Flexibility**: accepting that a situation can mean more than one thing.
- **Humility**: holding back judgement, ready to learn.
- **Sensitivity**: noticing and valuing difference.
- **Curiosity**: the professional curiosity we already ask of ourselves.
- **Humour**: being able to laugh at ourselves.
- **Action**: showing it in how the work with a family goes.

The mandatory e-learning on unconscious bias is a good place to start: it explains how quick judgements form from how someone looks or sounds, and what we can do about our own. Please make sure yours is up to date. A workshop on cultural competence is planned for next year.`,
  },
  {
    kind: 'article',
    title: 'What good performance means for children',
    body: `In exit interviews I often hear that we are a "tick-box organisation" where children are not at the heart of things. I want to turn that round: every measure we keep is a way of knowing that a child is getting the right help at the right time.

The words we use matter. Talk about children, not numbers: "3 of your children have not been seen within their visiting timescale this week — can we talk about it?" And when things go well: "you have seen every one of your children this week."

Put yourself in a family's place:

- **Assessments on time** mean help starts when it is needed. If you were waiting for an assessment before support could begin, you would want it done promptly.
- **Plans on time** mean everyone knows what needs to change, who will help, and by when.
- **Visits on time** mean we know children are seen, and safe, and families know we are there.

This is not about blame: everyone is busy and everyone wants the best for children. It is about remembering what the numbers are for. Our practice standards set out what is expected, so that children and families get the same good service whoever their worker is.`,
  },
  {
    kind: 'article',
    title: 'Learning from two Stage 2 complaints',
    mustRead: true,
    body: `Compliments, complaints and audits tell us how our practice feels to families. This month two Stage 2 investigations have lessons for all of us.

**Inductions.** Every worker, agency staff included, needs an induction that prepares them to explain to a family why we are involved, what will happen and what process we follow. Keeping people informed shows them they are valued.

**Investigating fully.** When a complaint concerns a worker who has since left, the investigating manager should still try to reach them — and record every attempt, in case the complaint goes to Stage 2.

**Minutes on time.** Families must get minutes within the agreed timescales. We hold parents to the plans they agree; we must keep our own promises just as reliably.

Learning and acting on what complaints tell us is how we close the loop. The changes made are listed below. Please confirm you have read this.`,
  },
  {
    kind: 'article',
    title: 'Your outside learning accounts',
    body: `If you have not yet done so, set up your accounts with these two: both have research, resources, webinars and training you can book.

- [Research in Practice](https://www.researchinpractice.org.uk/)
- [Children's Social Work Matters](https://www.childrenssocialworkmatters.org/)

Research in Practice keeps its own list for its seminars: register with them as well as booking on the Hub.`,
  },
  {
    kind: 'article',
    title: 'Have your say',
    body: `We learn from your feedback. Please fill in the evaluation after each session: we are changing our workshops because of what you tell us (see "You said, we did" below).

Thank you to everyone who has sent ideas and comments about the bulletin. Keep them coming — and if you would like to write for a future edition, use "Send an article or an idea".

To everyone celebrating over the holidays: have a lovely time.`,
  },
];

export const EARLIER: { welcome: string; articles: DemoArticle[] }[] = [
  {
    welcome:
      'Welcome to this month’s bulletin. Our practice focus is professional curiosity: wondering, asking and checking, rather than accepting the first account.',
    articles: [
      {
        kind: 'article',
        title: 'Practice focus: professional curiosity',
        body: `Professional curiosity means looking beyond what we are told and asking what it might mean for the child. It is not suspicion: it is care.

- Ask open questions, and listen to the answer.
- Check what you are told against what you see.
- Talk it through in supervision when something does not fit.`,
      },
    ],
  },
  {
    welcome:
      'Welcome to this month’s bulletin. Our practice focus is working with men: fathers, partners and other men in a child’s life.',
    articles: [
      {
        kind: 'article',
        title: 'Practice focus: working with men',
        body: `Fathers and other men matter to children, yet too often they are missing from our assessments and plans.

- Find out who the men in a child's life are, early.
- Invite fathers to meetings and send them the minutes.
- Record their views, strengths and risks in their own right.`,
      },
    ],
  },
];

export const CONTRIBUTIONS: {
  author: string;
  title: string;
  body: string;
  state: 'submitted' | 'accepted' | 'changes-asked' | 'declined';
  note?: string;
}[] = [
  {
    author: 'Amina Hussain',
    title: 'What a peer-reflection group did for my practice',
    body: 'Six of us from Assessment Team 1 meet once a month to talk through a piece of work. Here is what we have learned about reflecting together…',
    state: 'submitted',
  },
  {
    author: 'Daniel Price',
    title: 'Team huddles that put children first',
    body: 'Our Monday huddle now starts with one question: which children have we not seen, and what do they need this week? It has changed the way we talk about our work.',
    state: 'accepted',
  },
  {
    author: 'Grace Adeyemi',
    title: 'Family group conferences: an idea',
    body: 'Could a future edition explain how to ask for a family group conference?',
    state: 'changes-asked',
    note: 'A good idea: could you add two or three practical steps, and who to contact?',
  },
  {
    author: 'Priya Shah',
    title: 'Car parking at the Learning Centre',
    body: 'A reminder of the parking arrangements for training days.',
    state: 'declined',
    note: 'This belongs on the course pages rather than in the bulletin; I have added it to the venue details.',
  },
];
