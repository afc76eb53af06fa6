import { OFFLINE_TIME_MS } from './arguments.js';

export const PLAN_USAGE = `Plans networking rounds ahead of an event.

  npm run --silent plan -- --input FILE [--rounds R] [--seed S] [--time-ms T]
                           [--tables N --seats K] [--format json|csv|md]

  FILE      a JSON instance or a CSV of participants with the header
            id,name,organisation,role,stage,interests (interests separated by ; or |,
            a semicolon-separated file uses | ); a CSV needs --tables and --seats.
            JSON instance: {"tables": [{"label": "1", "seats": 6, "topic": null}]
                              or {"count": 10, "seats": 6},
                            "rounds": 4, "participants": [{"id": "p1", "organisation": "…",
                            "role": "verwaltung", "stage": 2, "interests": ["governance"]}],
                            "history": [[["p1","p2"], ["p3","p4"]]], "seed": 1}
  --rounds  how many rounds, 1–100 (default: the file's "rounds", else 1)
  --seed    default: the file's "seed", else 1
  --time-ms search time box (default ${OFFLINE_TIME_MS}; offline, a longer box buys better plans)
  --tables, --seats  N tables of K seats, labelled 1…N (both together override the file's tables)
  --format  json (default): {"rounds": [...], "metrics": {...}}; csv or md: person → table per round

  Every field, the metrics and the error messages: docs/matching.md, "The plan command".
`;
