import { formatDate } from '../platform/views/format.ts';

/**
 * Social Work England's CPD year runs from 1 December to 30 November; a social
 * worker records at least two pieces of CPD in it, at least one of them
 * discussed with a peer (peer reflection). Pure, so the page, the export and
 * the tests share one reading of the rule.
 */
export interface CpdYear {
  start: string;
  end: string;
  label: string;
}

export function cpdYearOf(day: string): CpdYear {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`Not a day: ${day}`);
  const year = Number(day.slice(0, 4));
  const startYear = day.slice(5, 7) === '12' ? year : year - 1;
  return {
    start: `${startYear}-12-01`,
    end: `${startYear + 1}-11-30`,
    label: `1 December ${startYear} to 30 November ${startYear + 1}`,
  };
}

export interface CpdPiece {
  day: string;
  peerReflected: boolean;
}

export const REQUIRED_PIECES = 2;

export interface CpdStanding {
  pieces: number;
  peerReflected: number;
  met: boolean;
  /** One plain sentence for the person. */
  sentence: string;
}

export function cpdStanding(entries: readonly CpdPiece[], year: CpdYear): CpdStanding {
  const inYear = entries.filter((e) => e.day >= year.start && e.day <= year.end);
  const pieces = inYear.length;
  const peerReflected = inYear.filter((e) => e.peerReflected).length;
  const met = pieces >= REQUIRED_PIECES && peerReflected >= 1;
  let sentence: string;
  if (met)
    sentence = `You have met this year's requirement: ${pieces} pieces of CPD, ${peerReflected} with peer reflection.`;
  else {
    const missing: string[] = [];
    if (pieces < REQUIRED_PIECES) {
      const more = REQUIRED_PIECES - pieces;
      missing.push(`${more} more ${more === 1 ? 'piece' : 'pieces'} of CPD`);
    }
    if (peerReflected === 0) missing.push('at least one piece with peer reflection');
    sentence = `You have not met this year's requirement yet: you need ${missing.join(' and ')} by ${formatDate(year.end)}.`;
  }
  return { pieces, peerReflected, met, sentence };
}
