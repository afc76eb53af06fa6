import './styles/base.css';
import { mountPage } from './lib/mount.js';
import { routeOf } from './lib/route.js';

const app = document.getElementById('app')!;
const route = routeOf(location.pathname);

// One chunk per page, so a phone downloads only the participant page.
const pages = {
  home: () => import('./pages/home/home-page.js'),
  start: () => import('./pages/start/start-page.js'),
  join: () => import('./pages/participant/participant-page.js'),
  moderator: () => import('./pages/moderator/moderator-page.js'),
  print: () => import('./pages/moderator/print-page.js'),
  cards: () => import('./pages/moderator/table-cards-page.js'),
  screen: () => import('./pages/screen/screen-page.js'),
  privacy: () => import('./pages/privacy/privacy-page.js'),
  accessibility: () => import('./pages/legal/accessibility-page.js'),
  easy: () => import('./pages/legal/easy-page.js'),
  claim: () => import('./pages/claim/claim-page.js'),
  registrations: () => import('./pages/registrations/registrations-page.js'),
  badges: () => import('./pages/registrations/badges-page.js'),
  guide: () => import('./pages/guide/guide-page.js'),
  'not-found': () => import('./pages/privacy/not-found-page.js'),
};

pages[route.page]().then((module) => mountPage(app, module.Page, route));
