// Small building blocks every admin view uses: tables, labelled fields with inline errors, dialogs, badges,
// toasts. Everything is built with el(), so text from staff is never markup.
import { el, clear } from '../common/dom.js';
import { tr } from '../common/i18n.js';

/** A table with a sticky header. columns: [{ title, value(row) -> string | Node, className? }]. */
export function table(columns, rows, emptyText) {
  var head = el('tr', null, columns.map(function (c) { return el('th', { text: c.title, className: c.className }); }));
  var body = rows.length ? rows.map(function (row) {
    return el('tr', null, columns.map(function (c) { return cell(c.value(row), c.className); }));
  }) : [el('tr', { className: 'empty' }, [el('td', { colspan: columns.length, text: emptyText || tr('没有记录', 'Nothing here') })])];
  return el('div', { className: 'table-wrap' }, [el('table', null, [el('thead', null, [head]), el('tbody', null, body)])]);
}

function cell(value, className) {
  if (value instanceof Node) return el('td', { className: className }, [value]);
  return el('td', { className: className, text: value === null || value === undefined ? '' : value });
}

/** A label, the input and a place for the server's complaint about this field (by name). */
export function field(label, input, name) {
  if (name) input.name = name;
  var id = 'f-' + Math.random().toString(36).slice(2, 10);
  input.id = id;
  return el('div', { className: 'field' + (input.type === 'checkbox' ? ' check' : '') }, [
    el('label', { for: id, text: label }), input,
    el('span', { className: 'field-error', 'data-error-for': name || '', role: 'alert' })]);
}

/** A select from [{ value, text }], with the given value chosen. */
export function select(options, value) {
  return el('select', null, options.map(function (o) {
    return el('option', { value: o.value, text: o.text, selected: String(o.value) === String(value) ? 'selected' : null });
  }));
}

export function clearErrors(form) {
  Array.prototype.forEach.call(form.querySelectorAll('.field-error, .form-error'), function (n) { n.textContent = ''; });
  Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (n) { n.removeAttribute('aria-invalid'); });
}

/** Shows err.message beside the input named err.field, or at the top of the form. */
export function showError(form, err) {
  clearErrors(form);
  var message = err && err.message ? err.message : String(err);
  var slot = err && err.field ? form.querySelector('[data-error-for="' + cssName(err.field) + '"]') : null;
  if (slot) {
    slot.textContent = message;
    var input = form.querySelector('[name="' + cssName(err.field) + '"]');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
    return;
  }
  var top = form.querySelector('.form-error');
  if (!top) {
    top = el('p', { className: 'form-error', role: 'alert' });
    form.insertBefore(top, form.firstChild);
  }
  top.textContent = message;
}

function cssName(name) {
  return String(name).replace(/["\\]/g, '');
}

/** The named inputs' values: checkboxes as booleans, empty text as null. */
export function formValues(form) {
  var out = {};
  Array.prototype.forEach.call(form.elements, function (input) {
    if (!input.name) return;
    if (input.type === 'checkbox') out[input.name] = input.checked;
    else out[input.name] = input.value === '' ? null : input.value;
  });
  return out;
}

/** Runs action(values) -> Promise on submit, with the button disabled meanwhile and errors shown in place. */
export function onSubmit(form, action) {
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearErrors(form);
    var buttons = form.querySelectorAll('button[type="submit"]');
    setDisabled(buttons, true);
    Promise.resolve().then(function () { return action(formValues(form)); })
      .catch(function (err) { showError(form, err); })
      .then(function () { setDisabled(buttons, false); });
  });
  return form;
}

function setDisabled(buttons, disabled) {
  Array.prototype.forEach.call(buttons, function (b) { b.disabled = disabled; });
}

export function button(text, onClick, kind) {
  var b = el('button', { type: 'button', className: 'btn' + (kind ? ' btn-' + kind : ''), text: text });
  if (onClick) b.addEventListener('click', onClick);
  return b;
}

export function submitButton(text) {
  return el('button', { type: 'submit', className: 'btn btn-primary', text: text });
}

/** kind: ok, warn, danger, info or muted. */
export function badge(text, kind) {
  return el('span', { className: 'badge badge-' + (kind || 'muted'), text: text });
}

export function downloadLink(href, text) {
  return el('a', { className: 'btn', href: href, download: '', text: text });
}

var toastBox = null;

export function toast(text, kind) {
  if (!toastBox || !toastBox.isConnected) {
    toastBox = el('div', { className: 'toasts', 'aria-live': 'polite' });
    document.body.appendChild(toastBox);
  }
  var note = el('div', { className: 'toast' + (kind ? ' toast-' + kind : ''), role: 'status', text: text });
  toastBox.appendChild(note);
  setTimeout(function () { note.remove(); }, 4000);
}

/**
 * A modal dialog in the page: title, body nodes and action buttons. Escape or the close button cancels.
 * Returns { node, close }; onClose runs once when it closes.
 */
export function openDialog(title, body, actions, onClose) {
  var previous = document.activeElement;
  var box = el('div', { className: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-label': title }, [
    el('div', { className: 'dialog-head' }, [el('h3', { text: title })]),
    el('div', { className: 'dialog-body' }, body),
    actions && actions.length ? el('div', { className: 'dialog-actions' }, actions) : null]);
  var closeButton = button('×', function () { close(); }, 'icon');
  closeButton.setAttribute('aria-label', tr('关闭', 'Close'));
  box.firstChild.appendChild(closeButton);
  var overlay = el('div', { className: 'overlay' }, [box]);
  var closed = false;
  function close() {
    if (closed) return;
    closed = true;
    overlay.remove();
    document.removeEventListener('keydown', onKey);
    if (previous && previous.focus) previous.focus();
    if (onClose) onClose();
  }
  function onKey(e) {
    if (e.key === 'Escape') close();
  }
  document.addEventListener('keydown', onKey);
  document.body.appendChild(overlay);
  var first = box.querySelector('input, select, textarea, .dialog-actions button');
  if (first) first.focus();
  return { node: box, close: close };
}

/** Asks before something that cannot simply be undone; resolves true only for the confirm button. */
export function confirmDialog(title, lines) {
  return new Promise(function (resolve) {
    var answer = false;
    var dialog = openDialog(title, (lines || []).map(function (line) { return el('p', { text: line }); }), [
      button(tr('取消', 'Cancel'), function () { dialog.close(); }),
      button(tr('确定', 'Confirm'), function () { answer = true; dialog.close(); }, 'danger')
    ], function () { resolve(answer); });
    dialog.node.querySelector('.dialog-actions .btn').focus();
  });
}

/** A dialog holding a form: submit(values) -> Promise; closes when it resolves, shows the error when it fails. */
export function formDialog(title, fields, submitText, submit) {
  var form = el('form', { className: 'form-grid', novalidate: 'novalidate' }, fields.concat([
    el('div', { className: 'form-actions' }, [submitButton(submitText)])]));
  var dialog = openDialog(title, [form], null);
  onSubmit(form, function (values) {
    return submit(values).then(function () { dialog.close(); });
  });
  return dialog;
}

/** Replaces what a node holds with the given children. */
export function fill(node, children) {
  clear(node);
  children.forEach(function (c) { if (c) node.appendChild(c); });
  return node;
}
