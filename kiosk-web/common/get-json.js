// The one way the pages fetch JSON: fetch, read the body, parse it, and turn a failure into an Error that carries the
// server's status (0 when the server could not be reached), the field it named, its whole body and its Retry-After.
// Touch, the mobile page and the admin page's api() all go through here.
import { tr } from './i18n.js';

/** fetch(url, init) resolving to the parsed body (null when empty), rejecting with an Error as described above. */
export function fetchJson(url, init) {
  return fetch(url, init).then(function (response) {
    if (response.status === 204) return null;
    return response.text().then(function (text) {
      var json = parse(text);
      if (response.ok) return json;
      throw failure(response.status, json, Number(response.headers.get('Retry-After')) || null);
    });
  }, function () {
    throw failure(0, { error: tr('无法连接服务器，请检查网络', 'Cannot reach the server; check the network') }, null);
  });
}

/** A GET of JSON. */
export function getJson(url) {
  return fetchJson(url, { headers: { Accept: 'application/json' } });
}

/** What a citizen is told when something did not load: the item is gone (404), or to try again later. */
export function failureText(err) {
  return err && err.status === 404 ? tr('这条信息不存在或已撤回。', 'This item does not exist or was withdrawn.')
    : tr('暂时无法加载，请稍后再试。', 'Cannot load this now; please try again later.');
}

function parse(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    return { error: text.slice(0, 200) };
  }
}

function failure(status, body, retryAfter) {
  var err = new Error(body && body.error ? body.error : 'HTTP ' + status);
  err.status = status;
  err.field = body && body.field ? body.field : null;
  err.body = body;
  err.retryAfter = retryAfter;
  return err;
}
