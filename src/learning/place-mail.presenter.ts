import { formatDateTime } from '../platform/views/format.ts';

/** The messages about a place (booked, offered, a reminder …), each worded here. */
export type PlaceMessage =
  | 'booked'
  | 'requested'
  | 'waitlisted'
  | 'promoted'
  | 'offered'
  | 'approved'
  | 'declined'
  | 'cancelled'
  | 'session-changed'
  | 'session-cancelled'
  | 'reminder'
  | 'evaluation';

/** Each message's subject, its first line, and whether it carries a calendar invite (or its cancellation). */
export function placeMailWording(
  kind: PlaceMessage,
  title: string,
  extra: { offerExpiresAt?: string | null; position?: number },
): { subject: string; lead: string; invite?: 'REQUEST' | 'CANCEL' } {
  switch (kind) {
    case 'booked':
      return { subject: `Booked: ${title}`, lead: `You have a place on ${title}.`, invite: 'REQUEST' };
    case 'approved':
      return {
        subject: `Approved: ${title}`,
        lead: `Your request was approved: you have a place on ${title}.`,
        invite: 'REQUEST',
      };
    case 'promoted':
      return {
        subject: `A place for you: ${title}`,
        lead: `A place came free on ${title} and it is now yours.`,
        invite: 'REQUEST',
      };
    case 'requested':
      return { subject: `Requested: ${title}`, lead: `Your request for ${title} is waiting for approval.` };
    case 'declined':
      return {
        subject: `Not approved: ${title}`,
        lead: `Your request for a place on ${title} was not approved.`,
      };
    case 'waitlisted':
      return {
        subject: `Waiting list: ${title}`,
        lead: `${title} is full. You are number ${extra.position ?? '?'} on the waiting list; we will email you if a place comes free.`,
      };
    case 'offered':
      return {
        subject: `A place is held for you: ${title}`,
        lead: `A place came free on ${title}. It is held for you until ${formatDateTime(extra.offerExpiresAt)}; claim it from the link below or it passes to the next person.`,
      };
    case 'cancelled':
      return {
        subject: `Cancelled: ${title}`,
        lead: `Your place on ${title} has been cancelled.`,
        invite: 'CANCEL',
      };
    case 'session-changed':
      return {
        subject: `Changed: ${title}`,
        lead: `The time of ${title} has changed. The new details are below.`,
        invite: 'REQUEST',
      };
    case 'session-cancelled':
      return {
        subject: `Session cancelled: ${title}`,
        lead: `We are sorry: the session of ${title} you were booked on has been cancelled.`,
        invite: 'CANCEL',
      };
    case 'reminder':
      return { subject: `Reminder: ${title}`, lead: `A reminder that you have a place on ${title}.` };
    case 'evaluation':
      return {
        subject: `How was ${title}?`,
        lead: `Please tell us what you thought of ${title}. Your answers change how we run it: open the session page below and choose "Evaluate".`,
      };
  }
}
