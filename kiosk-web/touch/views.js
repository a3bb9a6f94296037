// The touchscreen's views, as kiosk-web/admin/views.js lists the admin page's. A view module exports
//   view = { id, keepsInput (optional), render(into, app, param) }
// render draws into a fresh box (an answer that arrives after the next rendering began lands in a box no longer on
// screen); param is what the view was opened with, and it may keep there what it holds while it is in the history
// (typed text). keepsInput: content changes do not redraw it. needsServer: it is drawn again when the server goes out
// of reach or comes back (offline.js), and says what is paused meanwhile. app is the shell's (touch.js): open(id, param),
// replace(id, param), redraw(id), showError(err, into), reset(). Add a view by importing its module here.
import { view as home } from './views/home.js';
import { view as list } from './views/list.js';
import { view as item } from './views/item.js';
import { view as search } from './views/search.js';
import { view as finish } from './views/finish.js';
import { view as application } from './views/application.js';
import { view as apply } from './views/apply.js';

export var VIEWS = [
  home,
  list,
  item,
  search,
  finish,
  application,
  apply
];
