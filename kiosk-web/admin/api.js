// The admin page's only way to the server: JSON in and out, the CSRF token on every write, and errors as
// Error objects carrying the server's status, the field it named and the whole body.
import { tr } from '../common/i18n.js';

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
  return fetch(path, {
    method: method, headers: headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body)
  }).then(function (response) {
    if (response.status === 204) return null;
    return response.text().then(function (text) {
      var json = parse(text);
      if (response.ok) return json;
      throw failure(response.status, json);
    });
  }, function () {
    throw failure(0, { error: tr('无法连接服务器，请检查网络', 'Cannot reach the server; check the network') });
  }).catch(function (err) {
    if (err.status === 401 && path !== '/api/login') loginRequired();
    throw err;
  });
}

function parse(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    return { error: text.slice(0, 200) };
  }
}

function failure(status, body) {
  var err = new Error(body && body.error ? body.error : 'HTTP ' + status);
  err.status = status;
  err.field = body && body.field ? body.field : null;
  err.body = body;
  return err;
}
