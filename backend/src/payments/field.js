// A hosted card field (protocol hosted-fields/1): the card number or the security code, typed here on the
// payments origin, inside an iframe of the portal. The portal hears events and sends commands through
// postMessage; each side takes messages only from the other's origin. The value never leaves this origin but in
// the tokenize request to it. The rules are rules.js, inlined before this script.
'use strict';
(() => {
  const PROTOCOL = 'hosted-fields/1';
  const root = document.documentElement;
  const config = root.dataset;
  const field = config.field;
  const parentOrigin = config.parent;
  const input = document.getElementById('f');
  const label = document.getElementById('l');
  const description = document.getElementById('d');
  // The number's brand in the number field; in the security code field, the brand the portal gave.
  let brand = config.brand || null;
  // The card's two fields (same origin, same group) talk over a channel only this origin can join.
  const channel = new BroadcastChannel(`hosted-fields:${config.group}`);
  const framed = window.parent !== window;

  // Messages are JSON text of one flat object (contract::hosted_fields::WireMessage).
  function post(message) {
    if (framed) window.parent.postMessage(JSON.stringify({ protocol: PROTOCOL, ...message }), parentOrigin);
  }

  if (config.font) root.style.fontSize = `${Number(config.font)}px`;

  const { numberIssue, codeIssue } = hostedFieldRules;

  // Full-width digits (what Chinese and Japanese input methods type by default) are digits.
  const value = () => input.value.trim().replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

  function state() {
    const typed = value();
    if (field === 'number') {
      const [found, code] = typed ? numberIssue(typed) : [null, null];
      brand = found;
      if (!typed) return { state: 'empty' };
      return code ? { state: 'invalid', code, brand: found } : { state: 'complete', brand: found };
    }
    if (!typed) return { state: 'empty' };
    const code = codeIssue(typed, brand);
    return code ? { state: 'invalid', code } : { state: 'complete' };
  }

  const changed = () => post({ type: 'change', field, ...state() });

  // Only what changed is written: a focused input whose name or description is rewritten may be announced again.
  function update(look) {
    const set = (value, current, write) => {
      if (value !== undefined && value !== current) write(value);
    };
    if (typeof look.label === 'string') set(look.label, label.textContent, (v) => (label.textContent = v));
    if (typeof look.title === 'string') set(look.title, document.title, (v) => (document.title = v));
    if (typeof look.lang === 'string') set(look.lang, root.lang, (v) => (root.lang = v));
    if (typeof look.description === 'string') set(look.description, description.textContent, (v) => (description.textContent = v));
    if (typeof look.invalid === 'boolean') set(String(look.invalid), input.getAttribute('aria-invalid'), (v) => input.setAttribute('aria-invalid', v));
    if (look.scheme === 'light' || look.scheme === 'dark') set(look.scheme, root.dataset.scheme, (v) => (root.dataset.scheme = v));
    else if (look.scheme === 'system') delete root.dataset.scheme;
    if (Number.isFinite(look.font_px)) root.style.fontSize = `${look.font_px}px`;
  }

  /** The card's brand, which the security code's length depends on (the portal relays the number field's). */
  function setBrand(given) {
    if (field !== 'security_code' || (given || null) === brand) return;
    brand = given || null;
    if (value()) changed();
  }

  /** The security code of this group's security code field: its value, '' when not complete, null when silent. */
  function collectCode() {
    return new Promise((resolve) => {
      const ask = `${Date.now()}-${Math.random()}`;
      const timer = setTimeout(() => finish(null), 3000);
      function finish(result) {
        clearTimeout(timer);
        channel.removeEventListener('message', answer);
        resolve(result);
      }
      function answer(event) {
        if (event.data && event.data.type === 'code' && event.data.ask === ask) finish(event.data.value);
      }
      channel.addEventListener('message', answer);
      channel.postMessage({ type: 'collect', ask });
    });
  }

  channel.addEventListener('message', (event) => {
    if (field !== 'security_code' || !event.data || event.data.type !== 'collect') return;
    const complete = state().state === 'complete';
    channel.postMessage({ type: 'code', ask: event.data.ask, value: complete ? value() : '' });
  });

  async function tokenize(id) {
    const fail = (code) => post({ type: 'tokenize_failed', id, code });
    if (state().state !== 'complete') return fail('invalid');
    // The values checked now are the ones sent, whatever is typed while the request is on its way.
    const typed = value();
    let body;
    if (field === 'number') {
      const code = await collectCode();
      if (code === null) return fail('unavailable');
      if (code === '') return fail('invalid');
      body = { number: typed, security_code: code };
    } else {
      body = { security_code: typed, brand };
    }
    try {
      const response = await fetch('/v1/tokens', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
        // Every request ends in an answer to the portal, which waits for one.
        signal: AbortSignal.timeout(15000),
      });
      if (response.status === 429) return fail('rate_limited');
      if (response.status === 422) return fail('invalid');
      if (!response.ok) return fail('unavailable');
      const made = await response.json();
      post({ type: 'tokenized', id, token: made.token, brand: made.brand, last4: made.last4 });
    } catch {
      fail('network');
    }
  }

  window.addEventListener('message', (event) => {
    // Only the portal that framed this field, from an origin the payments origin serves.
    if (event.origin !== parentOrigin || event.source !== window.parent || !framed) return;
    let message;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;
    }
    if (!message || message.protocol !== PROTOCOL) return;
    if (message.type === 'update') update(message);
    else if (message.type === 'brand') setBrand(message.brand);
    else if (message.type === 'tokenize' && Number.isInteger(message.id)) tokenize(message.id);
  });

  // The portal focuses the frame (its first invalid field, say): the input takes it.
  window.addEventListener('focus', () => {
    if (document.activeElement !== input) input.focus();
  });
  input.addEventListener('input', changed);
  input.addEventListener('blur', () => post({ type: 'blur', field }));
  input.addEventListener('keydown', (event) => {
    // An Enter or Escape that an input method takes (choosing or dropping a candidate) is not the person's.
    if (event.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      post({ type: 'submit', field });
    } else if (event.key === 'Escape') {
      post({ type: 'escape', field });
    }
  });

  // Ready as the page loads (before its load event), with the content's height; then every change of height.
  const measure = () => Math.ceil(document.body.getBoundingClientRect().height);
  let height = measure();
  post({ type: 'ready', field, height });
  changed();
  new ResizeObserver(() => {
    const measured = measure();
    if (measured === height) return;
    height = measured;
    post({ type: 'resize', field, height });
  }).observe(document.body);
})();
