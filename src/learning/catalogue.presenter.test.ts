import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chosenMonth, presentCalendar, presentCatalogue } from './catalogue.presenter.ts';

const course = (over: { next: string | null; upcoming: number }) => ({
  id: 'c1',
  title: 'Life Story Work',
  summary: 'Helping children know their story.',
  category: 'Practice',
  audience: 'everyone' as const,
  provider_kind: 'internal' as const,
  provider_name: '',
  mandatory: 0,
  ...over,
});

describe('the catalogue', () => {
  test('says how many courses match and when each is next on', () => {
    const view = presentCatalogue({
      filters: { page: 1 },
      rows: [course({ next: '2026-12-16T09:00:00.000Z', upcoming: 3 }), course({ next: null, upcoming: 0 })],
      total: 2,
      categories: ['Practice', 'Law'],
      pageSize: 30,
      canManage: false,
    });
    assert.equal(view.summary, '2 courses match.');
    assert.deepEqual(
      view.courses.map((c) => c.nextText),
      ['Next: Wednesday 16 December 2026 (3 dates to come)', 'No dates to come yet'],
    );
    assert.equal(view.pagination, undefined, 'one page needs no pagination');
    assert.equal(presentCatalogue({ ...input(1), total: 1 }).summary, '1 course matches.');
  });

  test('keeps the filters chosen, in the lists and in the page links', () => {
    const view = presentCatalogue({
      ...input(2),
      filters: { q: 'life story', category: 'Law', audience: 'managers', page: 2 },
    });
    assert.deepEqual(
      view.categoryItems.filter((i) => 'selected' in i && i.selected).map((i) => i.value),
      ['Law'],
    );
    assert.deepEqual(
      view.audienceItems.filter((i) => 'selected' in i && i.selected).map((i) => i.text),
      ['Managers only'],
    );
    assert.equal(
      view.pagination?.previous?.href,
      '/learning?q=life+story&category=Law&audience=managers&page=1',
    );
    assert.equal(view.pagination?.next?.href, '/learning?q=life+story&category=Law&audience=managers&page=3');
  });

  test('the first and last pages link only one way', () => {
    assert.equal(presentCatalogue(input(1)).pagination?.previous, undefined);
    assert.equal(presentCatalogue(input(1)).pagination?.next?.href, '/learning?page=2');
    assert.equal(presentCatalogue(input(3)).pagination?.next, undefined);
  });
});

/** Page `page` of 65 courses, 30 to a page (three pages). */
function input(page: number) {
  return {
    filters: { page },
    rows: [],
    total: 65,
    categories: ['Practice', 'Law'],
    pageSize: 30,
    canManage: true,
  };
}

describe('the month calendar', () => {
  test('the month asked for, or this month in London', () => {
    assert.equal(chosenMonth({ year: 2027, month: 3 }, new Date('2026-11-27T12:00:00Z')), '2027-03');
    assert.equal(chosenMonth({ month: 3 }, new Date('2026-11-27T12:00:00Z')), '2026-11');
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time).
    assert.equal(chosenMonth({}, new Date('2026-06-30T23:30:00Z')), '2026-07');
  });

  test('links to the months either side across a year, and lists a day’s sessions in its cell', () => {
    const view = presentCalendar('2026-12', [
      {
        day: '2026-12-16',
        start_time: '09:00',
        session_id: 's1',
        status: 'scheduled',
        title: 'Life Story Work',
      },
      { day: '2026-12-16', start_time: null, session_id: 's2', status: 'cancelled', title: 'Court skills' },
    ]);
    assert.equal(view.title, 'Sessions in December 2026');
    assert.deepEqual(view.previous, { href: '/learning/calendar?year=2026&month=11', text: 'November 2026' });
    assert.deepEqual(view.next, { href: '/learning/calendar?year=2027&month=1', text: 'January 2027' });
    // 1 December 2026 is a Tuesday: the first week starts with one empty Monday.
    assert.equal(view.weeks[0]![0]!.html, '');
    const cell = view.weeks
      .flat()
      .find((c) => c.html.startsWith('<span class="govuk-!-font-weight-bold">16<'));
    assert.match(String(cell?.html), /09:00 Life Story Work/);
    assert.match(String(cell?.html), /Time to be confirmed: Court skills<\/a> \(cancelled\)/);
  });
});
