// 依申请公开 by the citizen themselves (Art. 29 of the regulation): the form's fields, the checks a citizen is told
// about at once (the server makes the same ones and names the field), and what the receipt says. The touchscreen
// (touch/views/apply.js) and the mobile page (m/apply.js) both use this.
import { tr } from './i18n.js';
import { formatDate } from './dom.js';
import { fetchJson } from './get-json.js';

export var ID_TYPES = [
  { code: 'resident_id', zh: '居民身份证', en: 'Resident ID card' },
  { code: 'hk_macao_permit', zh: '港澳居民来往内地通行证', en: 'Hong Kong / Macao permit' },
  { code: 'taiwan_permit', zh: '台湾居民来往大陆通行证', en: 'Taiwan permit' },
  { code: 'foreign_permanent_id', zh: '外国人永久居留身份证', en: 'Foreign permanent residence ID' },
  { code: 'passport', zh: '护照', en: 'Passport' }
];

export var DELIVERIES = [
  { code: 'collect', zh: '到窗口领取', en: 'Collect at the counter' },
  { code: 'post', zh: '邮寄', en: 'By post' },
  { code: 'email', zh: '电子邮件', en: 'By e-mail' }
];

/** The fields in the order the form asks for them; address and email only for the delivery that needs them. */
export function fieldsFor(values) {
  var fields = ['name', 'idType', 'idNumber', 'phone', 'subject', 'delivery'];
  if (values.delivery === 'post') fields.push('address');
  if (values.delivery === 'email') fields.push('email');
  return fields;
}

export function fieldLabel(field) {
  return {
    name: tr('姓名', 'Name'), idType: tr('证件类型', 'ID document'), idNumber: tr('证件号码', 'ID number'),
    phone: tr('联系电话', 'Phone'), subject: tr('所需信息', 'Information requested'),
    delivery: tr('获取方式', 'How to receive it'), address: tr('邮寄地址', 'Postal address'), email: tr('电子邮箱', 'E-mail')
  }[field];
}

export function named(list, code) {
  var found = list.filter(function (x) { return x.code === code; })[0];
  return found ? tr(found.zh, found.en) : '';
}

var WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The check character of a resident identity card (GB 11643-1999) from its first 17 digits. */
export function checkCharacter(first17) {
  var sum = 0;
  for (var i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * WEIGHTS[i];
  return '10X98765432'.charAt(sum % 11);
}

function residentIdProblem(n) {
  if (!/^[1-9]\d{16}[0-9X]$/.test(n)) return tr('身份证号码应为 18 位：17 位数字加一位数字或 X', 'A resident ID number has 18 characters: 17 digits and a digit or X');
  var y = Number(n.slice(6, 10)), m = Number(n.slice(10, 12)), d = Number(n.slice(12, 14));
  var born = new Date(y, m - 1, d);
  if (born.getFullYear() !== y || born.getMonth() !== m - 1 || born.getDate() !== d || born > new Date()) {
    return tr('身份证号码中的出生日期（第 7–14 位）不对', 'The date of birth in the ID number (characters 7–14) is not right');
  }
  if (n.charAt(17) !== checkCharacter(n)) return tr('身份证号码校验不通过，请逐位核对', 'The ID number does not pass its check; please check every digit');
  return null;
}

export function normaliseId(n) {
  return String(n || '').replace(/\s/g, '').toUpperCase();
}

var ID_FORMATS = {
  hk_macao_permit: [/^[HM]\d{8}(\d{2})?$/, '通行证号码应为 H 或 M 加 8 位数字', 'A permit number is H or M and 8 digits'],
  taiwan_permit: [/^\d{8}(\d{2})?$/, '通行证号码应为 8 位数字', 'A permit number has 8 digits'],
  foreign_permanent_id: [/^([A-Z]{3}\d{12}|9\d{16}[0-9X])$/, '永久居留身份证号码为 3 个字母加 12 位数字，或以 9 开头的 18 位',
    'Three letters and 12 digits, or 18 characters beginning with 9'],
  passport: [/^[A-Z0-9]{5,20}$/, '护照号码为 5 到 20 位字母和数字', 'A passport number has 5 to 20 letters and digits']
};

/** What is wrong with one field of values, in the citizen's language, or null. */
export function problem(field, values) {
  var v = String(values[field] || '').trim();
  switch (field) {
    case 'name': return v ? null : tr('请填写姓名', 'Please enter your name');
    case 'idType': return v ? null : tr('请选择证件类型', 'Please choose an ID document');
    case 'idNumber': {
      var n = normaliseId(v);
      if (!n) return tr('请填写证件号码', 'Please enter the ID number');
      if (values.idType === 'resident_id') return residentIdProblem(n);
      var f = ID_FORMATS[values.idType];
      return f && !f[0].test(n) ? tr(f[1], f[2]) : null;
    }
    case 'phone': return /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/.test(v.replace(/\s/g, '')) ? null
      : tr('请填写 11 位手机号码，或带区号的固定电话（如 0571-87654321）', 'A mobile number (11 digits) or a landline with its area code');
    case 'subject': return v.length >= 2 ? null : tr('请写明需要的信息：名称、文号，或便于查找的描述', 'Please say which information: its title, number or what it is about');
    case 'delivery': return v ? null : tr('请选择获取方式', 'Please choose how to receive it');
    case 'address': return v.length >= 5 ? null : tr('请填写完整的邮寄地址', 'Please enter the full postal address');
    case 'email': return /^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/.test(v) ? null : tr('请填写正确的电子邮箱', 'Please enter a valid e-mail address');
    default: return null;
  }
}

/** The first field with a problem: { field, message }, or null when the form may be sent. */
export function firstProblem(values) {
  var fields = fieldsFor(values);
  for (var i = 0; i < fields.length; i++) {
    var message = problem(fields[i], values);
    if (message) return { field: fields[i], message: message };
  }
  return null;
}

/** Sends it; proof is the touchscreen's { screenId, screenSecret } or null. Resolves to the receipt. */
export function submitApplication(values, proof) {
  var body = {};
  fieldsFor(values).forEach(function (f) { body[f] = f === 'idNumber' ? normaliseId(values[f]) : String(values[f] || '').trim(); });
  if (proof) { body.screenId = proof.screenId; body.screenSecret = proof.screenSecret; }
  return fetchJson('/api/applications/submit', {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body)
  });
}

/** What a failed submission tells the citizen; fromScreen: at a touchscreen (else on a phone). */
export function submitFailure(err, fromScreen) {
  if (err.status === 429) {
    return fromScreen ? tr('本机近一小时受理的申请已达上限，请稍后再试，或到政务公开窗口办理。',
      'This screen has taken as many applications as it may this hour; please try later or apply at the counter.')
      : tr('近一小时从您所在网络提交的申请已达上限，请稍后再试，或到政务公开窗口办理。',
        'As many applications as allowed in an hour have come from your network; please try later or apply at the counter.');
  }
  if (err.status === 400 && err.field) return fieldLabel(err.field) + tr('：请核对后重新填写', ': please check it and enter it again');
  if (err.status === 0) return tr('无法连接服务器，申请没有提交。请稍后再试，或到窗口办理。', 'The server cannot be reached: the application was not sent. Please try later or apply at the counter.');
  return tr('申请没有提交成功，请稍后再试，或到窗口办理。', 'The application was not sent; please try later or apply at the counter.');
}

/** 张三 -> 张*, 欧阳娜娜 -> 欧**娜: enough for the applicant to know it is theirs, on paper others may see. */
export function maskName(name) {
  var chars = Array.from(String(name || '').trim());
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return chars[0] + '*';
  return chars[0] + new Array(chars.length - 1).join('*') + chars[chars.length - 1];
}

export function maskPhone(phone) {
  var p = String(phone || '').replace(/\s/g, '');
  return p.length > 7 ? p.slice(0, 3) + new Array(p.length - 6).join('*') + p.slice(-4) : p;
}

/** The receipt's facts as [label, value] rows: number, check code, date received, and the deadline in working days. */
export function receiptRows(receipt) {
  return [
    [tr('申请编号', 'Application number'), receipt.number],
    [tr('查询码', 'Check code'), receipt.checkCode],
    [tr('收到日期', 'Received on'), formatDate(receipt.receivedOn)],
    [tr('答复期限', 'Answer due'), tr('自收到之日起 ' + receipt.workingDays + ' 个工作日内，即 ' + formatDate(receipt.deadline) + ' 前',
      'within ' + receipt.workingDays + ' working days of receipt, by ' + formatDate(receipt.deadline))]
  ];
}

/** The sentences under the receipt's facts. */
export function receiptNotes(receipt) {
  return (receipt.calendarComplete === false ? [tr('期限按工作日估算（尚无该年度的节假日安排），以受理机关告知为准。',
    'The due date is an estimate in working days (that year\'s public holidays are not yet known); the office\'s notice counts.')] : []).concat([
    tr('需要延长答复期限的，经批准可延长，延长期限最长不超过 ' + receipt.extensionDays + ' 个工作日，并会告知您。',
      'If more time is needed, it may be extended once by at most ' + receipt.extensionDays + ' working days, and you will be told.'),
    tr('凭申请编号和查询码，可在大厅触摸屏“查询申请办理进度”查询。查询码只显示这一次，请妥善保存。',
      'With the number and check code you can follow it on a hall touchscreen (Where is my request?). The check code is shown only now: keep it.')
  ]);
}
