/**
 * Checks a schema cannot state: a date decades away or a timer longer than a day is far more likely a misread
 * than what the user asked for. The agent repairs a field these reject like any other rejected field.
 */
type Issue = { path: (string | number)[]; message: string };
type Validator = (input: unknown) => Promise<Issue[]>;

const YEARS_AHEAD = 5;

function dateIssue(field: string, value: unknown, today: Date): Issue[] {
  if (typeof value !== 'string') return [];
  const year = Number(value.slice(0, 4));
  const thisYear = today.getUTCFullYear();
  return year < thisYear - 1 || year > thisYear + YEARS_AHEAD ? [{ path: [field], message: `${field}: ${value} is not within the next ${YEARS_AHEAD} years.` }] : [];
}

export function plausibilityValidators(today: Date = new Date()): Readonly<Record<string, Validator>> {
  const dated = (field: string): Validator => async (input) => dateIssue(field, (input as Record<string, unknown>)[field], today);
  return {
    create_event: dated('date'),
    search_flights: dated('date'),
    add_todo: dated('due_date'),
    book_table: dated('date'),
    set_timer: async (input) => {
      const { minutes } = input as { minutes: number };
      return minutes > 24 * 60 ? [{ path: ['minutes'], message: `minutes: ${minutes} minutes is longer than a day.` }] : [];
    },
  };
}
