import type { ResolvedQuestionnaire } from '../questionnaire';

export type Lang = 'zh' | 'en';

const T = {
  zh: {
    intro: '感谢您抽出宝贵时间。请按您的真实感受选择，每题可选“不适用”。',
    na: '不适用',
    comment: '其他意见或建议（选填）',
    submit: '提交问卷',
    sending: '正在提交…',
    thanks: '提交成功，感谢您的反馈！',
    thanksDetail: '您的意见将用于改进我们的产品和服务。',
    already: '此问卷已提交',
    alreadyDetail: '每个链接只能提交一次。如需补充意见，请联系您的客户专员。',
    closed: '此问卷目前不接受答卷',
    closedDetail: '本次调查已结束或暂停回收。如有意见或建议，请联系您的客户专员。',
    invalid: '链接无效',
    invalidDetail: '请检查链接是否完整，或联系您的客户专员。',
    required: '请至少回答一题。',
    error: '提交失败，请稍后重试。',
    other: 'English',
  },
  en: {
    intro: 'Thank you for your time. Please answer as you feel; every question may be answered "not applicable".',
    na: 'Not applicable',
    comment: 'Other comments or suggestions (optional)',
    submit: 'Submit',
    sending: 'Sending…',
    thanks: 'Thank you for your feedback!',
    thanksDetail: 'Your answers help us improve our products and services.',
    already: 'This questionnaire has already been answered',
    alreadyDetail: 'Each link can be used once. To add anything, please contact your account representative.',
    closed: 'This questionnaire is not taking answers now',
    closedDetail: 'The survey has ended or is paused. For comments or suggestions, please contact your account representative.',
    invalid: 'This link is not valid',
    invalidDetail: 'Please check the link, or contact your account representative.',
    required: 'Please answer at least one question.',
    error: 'Sending failed, please try again.',
    other: '中文',
  },
} as const;

export function pickLang(query: unknown, acceptLanguage: string | undefined): Lang {
  if (query === 'en' || query === 'zh') return query;
  return /^en/i.test(acceptLanguage ?? '') ? 'en' : 'zh';
}

/** Escapes text for HTML element content and attribute values. */
export function esc(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f5f7fa;color:#1f2329}
header{background:#1677ff;color:#fff;padding:20px 16px}header h1{margin:0;font-size:20px;font-weight:600}header a{color:#e6f0ff;font-size:14px;float:right}
main{max-width:720px;margin:0 auto;padding:16px}
.card{background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.06);padding:16px;margin-bottom:16px}
h2{font-size:17px;margin:0 0 8px;color:#1677ff}
fieldset{border:0;margin:0;padding:12px 0;border-top:1px solid #f0f0f0}legend{font-weight:500;padding:0 0 8px}
.opts{display:flex;flex-wrap:wrap;gap:8px}
.opts label{flex:1 1 auto;min-width:64px;text-align:center;border:1px solid #d9d9d9;border-radius:6px;padding:10px 8px;cursor:pointer;background:#fff;user-select:none}
.opts input{position:absolute;opacity:0;pointer-events:none}.opts input:checked+span{color:#1677ff;font-weight:600}
.opts label:has(input:checked){border-color:#1677ff;background:#e6f4ff}
.opts label.na{color:#8c8c8c}
textarea{width:100%;min-height:96px;border:1px solid #d9d9d9;border-radius:6px;padding:8px;font:inherit}
button{width:100%;background:#1677ff;color:#fff;border:0;border-radius:6px;padding:14px;font-size:17px;cursor:pointer}button:disabled{opacity:.6}
.msg{text-align:center;padding:48px 16px}.msg .icon{font-size:48px}.err{color:#cf1322;margin:8px 0}
`;

function page(lang: Lang, title: string, body: string, otherHref?: string): string {
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${STYLE}</style></head>
<body><header>${otherHref ? `<a href="${esc(otherHref)}">${T[lang].other}</a>` : ''}<h1>${esc(title)}</h1></header><main>${body}</main></body></html>`;
}

const ICONS = { thanks: '✅', already: 'ℹ️', closed: 'ℹ️', invalid: '⚠️' } as const;

export function messagePage(lang: Lang, kind: keyof typeof ICONS, title?: string): string {
  const t = T[lang];
  const [icon, head, detail] = [ICONS[kind], t[kind], t[`${kind}Detail`]];
  return page(lang, title ?? head, `<div class="card msg"><div class="icon">${icon}</div><h2>${esc(head)}</h2><p>${esc(detail)}</p></div>`);
}

/** The respondent form: plain HTML that works on any phone, posting JSON to the API. */
export function formPage(lang: Lang, token: string, title: string, q: ResolvedQuestionnaire): string {
  const t = T[lang];
  const item = (key: string, label: string) => {
    const scale = q.items.get(key)!.scale;
    const options = scale.levels
      .map((l) => `<label><input type="radio" name="${esc(key)}" value="${esc(l.key)}"><span>${esc(l.label[lang])}</span></label>`)
      .join('');
    return `<fieldset><legend>${esc(label)}</legend><div class="opts">${options}<label class="na"><input type="radio" name="${esc(key)}" value=""><span>${t.na}</span></label></div></fieldset>`;
  };
  const sections = q.source.dimensions
    .map((d) => `<section class="card"><h2>${esc(d.title[lang])}</h2>${d.items.map((i) => item(i.key, i.title[lang])).join('')}</section>`)
    .join('');
  const overall = q.source.overallItem ? `<section class="card">${item(q.source.overallItem.key, q.source.overallItem.title[lang])}</section>` : '';
  const keys = JSON.stringify([...q.items.keys()]).replace(/</g, '\\u003c');
  const js = (s: string) => JSON.stringify(s).replace(/</g, '\\u003c');
  const script = `
const form=document.getElementById('f'),btn=document.getElementById('b'),err=document.getElementById('e'),keys=${keys};
form.addEventListener('submit',async(ev)=>{ev.preventDefault();err.textContent='';
const answers={};for(const k of keys){const c=form.querySelector('input[name="'+CSS.escape(k)+'"]:checked');if(c)answers[k]=c.value===''?null:c.value;}
if(!Object.values(answers).some(v=>v!==null)){err.textContent=${js(t.required)};return;}
btn.disabled=true;btn.textContent=${js(t.sending)};
const comment=form.querySelector('textarea').value.trim();
try{const r=await fetch(${js(`/api/v1/responses/${token}`)},{method:'POST',headers:{'Content-Type':'application/json'},body:JSON.stringify(comment?{answers,comment}:{answers})});
if(r.ok||r.status===409){location.replace(location.pathname+'?lang=${lang}&done='+(r.ok?'thanks':'already'));return;}
if(r.status===422){location.replace(location.pathname+'?lang=${lang}');return;}
err.textContent=${js(t.error)};}catch(e){err.textContent=${js(t.error)};}
btn.disabled=false;btn.textContent=${js(t.submit)};});`;
  return page(
    lang,
    title,
    `<p class="card">${t.intro}</p><form id="f" novalidate>${sections}${overall}<section class="card"><label>${t.comment}<textarea name="comment" maxlength="4000"></textarea></label></section>
<div class="err" id="e" role="alert"></div><button id="b" type="submit">${t.submit}</button></form><script>${script}</script>`,
    `?lang=${lang === 'zh' ? 'en' : 'zh'}`,
  );
}
