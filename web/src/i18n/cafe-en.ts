import type { CafeDictionary } from './cafe-de.js';

export const cafeEn: CafeDictionary = {
  question: "This round's question",
  harvest: {
    heading: "Your table's harvest",
    intro: 'What do you take away? Short thoughts, no names – anyone at the table can add one.',
    label: 'A thought from your table',
    hint: (max: number) => `At most ${max} characters. Stored without a name.`,
    counter: (n: number, max: number) => `${n} of ${max} characters`,
    add: 'Add',
    added: 'Thank you! Your thought is in the harvest.',
    count: (n: number, max: number) => `${n} of ${max} takeaways`,
    full: 'Your table has given all its takeaways for this round.',
    empty: 'No takeaways yet.',
    tooLong: (max: number) => `Please use at most ${max} characters.`,
    required: 'Please type a short thought.',
  },
  feedback: {
    question: 'How was this conversation?',
    optional: 'Optional and anonymous, once per round.',
    faces: { good: 'Good', okay: 'So-so', poor: 'Not good' },
    thanks: 'Thank you for your feedback!',
  },
  wall: {
    heading: 'Harvest',
    round: (n: number) => `Round ${n}`,
    empty: 'No takeaways yet.',
  },
  recap: {
    heading: 'How it went',
    answers: (n: number) => `${n} ${n === 1 ? 'answer' : 'answers'}`,
    tooFew: (n: number, min: number) =>
      `${n} ${n === 1 ? 'answer' : 'answers'} – we show a split from ${min} on.`,
  },
  console: {
    questionsHeading: 'Questions of the rounds',
    questionsIntro:
      'One question per round, big on the venue screen and on every phone while the round runs.',
    roundQuestion: (n: number) => `Round ${n}`,
    german: 'German',
    english: 'English',
    save: 'Save',
    saved: 'Saved.',
    current: 'live',
    harvestHeading: 'Harvest',
    harvestEmpty: 'No takeaways yet. Tables can add thoughts during the round and shortly after it.',
    hide: 'Hide',
    show: 'Show again',
    hidden: 'hidden',
    hideLabel: (text: string) => `Hide “${text}”`,
    showLabel: (text: string) => `Show “${text}” again`,
    wallHeading: 'Harvest wall on the venue screen',
    wallRound: 'Round for the wall',
    wallAll: 'All rounds',
    wallShow: 'Show on the venue screen',
    wallHide: 'Take off the venue screen',
    wallOn: (round: number | null) =>
      round === null
        ? 'The venue screen shows the harvest of all rounds.'
        : `The venue screen shows the harvest of round ${round}.`,
    wallNote: 'When the next round starts, the venue screen shows the tables again.',
    exportMd: 'Harvest as Markdown',
    exportCsv: 'Harvest as CSV',
    feedbackHeading: 'Feedback',
    feedbackEmpty: 'After each round the phones ask: “How was this conversation?”',
    round: 'Round',
    answers: 'Answers',
    overall: 'Overall',
    pending: 'shown when the next round starts',
    tooFew: (min: number) => `under ${min}`,
    feedbackExplain: (min: number) =>
      `So that no answer can be traced to a person, a round's split appears only when the next round starts or the event finishes, and only from ${min} answers on.`,
  },
  print: {
    heading: 'Harvest',
    round: (n: number) => `Round ${n}`,
    none: 'No takeaways.',
  },
};
