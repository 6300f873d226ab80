import type { MailLayout, MessageContent } from './message.ts';

// Messages for tests and bench/mail-compose.ts: a layout and a template like the ones features write.

export const LAYOUT: MailLayout = {
  baseUrl: 'https://hub.calderbrook.example',
  orgName: 'Calderbrook Council',
  serviceName: 'Practice & Learning Hub',
  brandColour: '#005a70',
};

/** A booking confirmation much like the one Learning sends, for person n. */
export const booking = (n: number, name = `Amara ${n}`): MessageContent => ({
  to: `worker${n}@calderbrook.example`,
  subject: 'Your place on Signs of Safety is confirmed',
  preheader: 'Tuesday 1 December 2026, 9:30am, Room 2',
  blocks: [
    { type: 'heading', text: 'Your place is confirmed' },
    { type: 'paragraph', text: `Dear ${name},` },
    { type: 'paragraph', text: 'You have a place on Signs of Safety: the basics.' },
    {
      type: 'details',
      rows: [
        { label: 'Date', value: 'Tuesday 1 December 2026' },
        { label: 'Time', value: '9:30am to 12:30pm' },
        { label: 'Place', value: 'Room 2, Calderbrook House' },
      ],
    },
    { type: 'button', text: 'See your booking', href: `/learning/bookings/${n}?from=email&x=1` },
    {
      type: 'list',
      items: [
        'Bring a case to discuss',
        { text: 'Read the pre-course notes', href: '/learning/courses/sos/notes' },
      ],
    },
    { type: 'link', text: 'Cancel your place', href: `/learning/bookings/${n}/cancel` },
  ],
  signOff: ['Learning and Development team', 'Calderbrook Council'],
});
