// The admin page's views, in navigation order. A view module exports
//   view = { id, title: function () { return tr(...) }, roles: [...], render(root, session, param), leave() }
// render may return a Promise; leave (optional) stops its timers when another view opens. Add a view by
// importing its module and adding it to the list.
import { view as items } from './views/items.js';
import { view as review } from './views/review.js';
import { view as alerts } from './views/alerts.js';
import { view as warnings } from './views/warnings.js';
import { view as schedule } from './views/schedule.js';
import { view as screens } from './views/screens.js';
import { view as feeds } from './views/feeds.js';
import { view as applications } from './views/applications.js';
import { view as audit } from './views/audit.js';
import { view as freshness } from './views/freshness.js';
import { view as users } from './views/users.js';

export var VIEWS = [
  items,
  review,
  alerts,
  warnings,
  schedule,
  screens,
  feeds,
  applications,
  freshness,
  audit,
  users
];
