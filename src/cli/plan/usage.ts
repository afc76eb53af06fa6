import { OFFLINE_TIME_MS } from './arguments.js';

export const PLAN_USAGE = `Plans networking rounds ahead of an event.

  npm run --silent plan -- --input FILE [--rounds R] [--seed S] [--time-ms T]
                           [--tables N --seats K] [--format json|csv|md]

  FILE      a JSON instance (see PRODUCT.md) or a CSV of participants with the header
            id,name,organisation,role,stage,interests (interests separated by ; or |,
            a semicolon-separated file uses | ); a CSV needs --tables and --seats.
  --rounds  how many rounds (default: the file's "rounds", else 1)
  --time-ms search time box (default ${OFFLINE_TIME_MS}; offline, a longer box buys better plans)
  --format  json (default): {"rounds": [...], "metrics": {...}}; csv or md: person → table per round
`;
