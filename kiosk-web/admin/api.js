// The admin page's only way to the server: JSON in and out (common/get-json.js), the CSRF token on every write,
// and errors as Error objects carrying the server's status, the field it named and the whole body.
import { fetchJson } from '../common/get-json.js';

var csrf = null;
var loginRequired = function () {};

export function setCsrf(token) {
  csrf = token || null;
}

/** Called with no arguments whenever the server answers 401 (the session ended or never was). */
export function onLoginRequired(handler) {
  loginRequired = handler;
}

export function api(method, path, body) {
  var headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  return fetchJson(path, {
    method: method, headers: headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body)
  }).catch(function (err) {
    if (err.status === 401 && path !== '/api/login') loginRequired();
    throw err;
  });
}
