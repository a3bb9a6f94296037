// The admin page's views, in navigation order. A view module exports
//   view = { id, title: function () { return tr(...) }, roles: [...], render(root, session, param), leave() }
// render may return a Promise; leave (optional) stops its timers when another view opens. Add a view by
// importing its module and adding it to the list.
import { view as screens } from './views/screens.js';
import { view as applications } from './views/applications.js';
import { view as audit } from './views/audit.js';
import { view as users } from './views/users.js';

export var VIEWS = [
  screens,
  applications,
  audit,
  users
];
