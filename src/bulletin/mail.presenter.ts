import type { ListItem, MessageBlock, MessageContent } from '../platform/mail/message.ts';
import { editionTitle } from './editions.rules.ts';
import { articleText } from './markdown.ts';
import type { SentRecord } from './record.ts';
import type { ForYou } from './sections.service.ts';
import { trainingFor } from './training.rules.ts';

const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * One reader's email of an edition: every article in full (as text: the
 * layout carries no HTML of ours) with its image and alt text, the training
 * with places at sending time, and what applies to them. No tracking pixel:
 * reads are counted on the web, and an image's address is the same for everyone.
 */
export function editionMail(
  record: SentRecord,
  editionId: string,
  reader: { email: string; isManager: boolean },
  forYou: ForYou,
  options: { test?: boolean; imageSrc: (imageId: string) => string },
): MessageContent {
  const test = options.test ?? false;
  const title = editionTitle(record.month);
  const web = `/bulletin/${editionId}`;
  const blocks: MessageBlock[] = [{ type: 'heading', text: title }];
  if (record.welcome.trim()) blocks.push({ type: 'paragraph', text: record.welcome.trim() });
  blocks.push({ type: 'button', text: 'Read the bulletin on the Hub', href: web });
  if (forYou.lines.length) {
    blocks.push({ type: 'heading', text: 'For you' });
    blocks.push({ type: 'list', items: forYou.lines.map((l) => ({ text: l.text, href: l.href })) });
  }
  for (const a of record.articles) {
    blocks.push({ type: 'heading', text: a.kind === 'pull-quote' ? 'Quote of the month' : a.title });
    if (a.mustRead)
      blocks.push({ type: 'paragraph', text: 'Must read: please confirm you have read it on the Hub.' });
    if (a.image)
      blocks.push({
        type: 'image',
        src: options.imageSrc(a.image.id),
        alt: a.image.alt,
        width: a.image.width,
        height: a.image.height,
        ...(a.image.caption ? { caption: a.image.caption } : {}),
      });
    blocks.push({ type: 'paragraph', text: articleText(a.body) });
    if (a.credit) blocks.push({ type: 'paragraph', text: `Written by ${a.credit}` });
  }
  const s = record.sections;
  if (s.lessons.length) {
    blocks.push({ type: 'heading', text: 'Learning from complaints, audits and reviews' });
    for (const l of s.lessons) {
      blocks.push({ type: 'paragraph', text: `${l.title}: ${l.summary}` });
      if (l.changes.length) blocks.push({ type: 'list', items: l.changes.map((c) => `What changed: ${c}`) });
    }
  }
  const training = trainingFor(s.training, reader.isManager);
  if (training.groups.length || training.awaiting.length) {
    blocks.push({ type: 'heading', text: 'Training available' });
    blocks.push({
      type: 'paragraph',
      text: `Places as at ${TIME.format(new Date(s.at))} when this was sent. The Hub shows the places left now.`,
    });
    for (const g of training.groups) {
      const items: ListItem[] = [];
      for (const c of g.courses)
        for (const x of c.sessions)
          items.push({
            text: `${c.title} — ${x.when} — ${x.places}${c.providerNote ? ` — ${c.providerNote}` : ''}`,
            // Straight to the session, where the place is booked.
            href: x.href ?? c.href,
          });
      blocks.push({ type: 'paragraph', text: g.category });
      blocks.push({ type: 'list', items });
    }
    if (training.awaiting.length) {
      blocks.push({ type: 'paragraph', text: 'Dates to be added — register your interest to hear first:' });
      blocks.push({ type: 'list', items: training.awaiting.map((c) => ({ text: c.title, href: c.href })) });
    }
  }
  if (s.youSaid.length) {
    blocks.push({ type: 'heading', text: 'You said, we did' });
    blocks.push({ type: 'list', items: s.youSaid.map((y) => `${y.course}: ${y.note}`) });
  }
  blocks.push({
    type: 'link',
    text: 'Tell us what you would like to see, or send an article',
    href: '/bulletin/contribute',
  });
  return {
    to: reader.email,
    subject: `${test ? '[Test] ' : ''}${title}`,
    preheader: record.welcome.trim().slice(0, 120) || title,
    blocks,
    signOff: record.signOff.trim() ? record.signOff.trim().split('\n') : undefined,
  };
}
