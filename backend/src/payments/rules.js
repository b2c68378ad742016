// The hosted fields' rules, as contract/src/hosted_fields.rs states them (backend/tests/api/hosted_fields.rs runs
// both on the same cases): a card number's brand and issue, a security code's issue for a brand.
'use strict';
const hostedFieldRules = (() => {
  function brandOf(digits) {
    const first4 = Number(digits.slice(0, 4));
    if (digits.startsWith('4')) return 'visa';
    if (/^3[47]/.test(digits)) return 'amex';
    if (/^5[1-5]/.test(digits) || (digits.length >= 4 && first4 >= 2221 && first4 <= 2720)) return 'mastercard';
    return null;
  }

  const LENGTHS = { visa: [13, 16, 19], mastercard: [16], amex: [15] };

  function luhn(digits) {
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let d = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    return digits.length > 0 && sum % 10 === 0;
  }

  /** The number's brand (or null) and its issue (or null), as contract::hosted_fields::number_issue says. */
  function numberIssue(text) {
    const digits = text.replace(/[ -]/g, '');
    if (!/^[0-9]*$/.test(digits)) return [null, 'invalid_characters'];
    const found = brandOf(digits);
    if (!found) return [null, digits.length >= 4 ? 'unsupported_brand' : 'too_short'];
    const lengths = LENGTHS[found];
    if (digits.length < lengths[0]) return [found, 'too_short'];
    if (digits.length > lengths[lengths.length - 1]) return [found, 'too_long'];
    if (!lengths.includes(digits.length)) return [found, 'too_short'];
    return [found, luhn(digits) ? null : 'luhn'];
  }

  /** The security code's issue (or null) for a card of `cardBrand`, as security_code_issue says. */
  function codeIssue(code, cardBrand) {
    if (!/^[0-9]*$/.test(code)) return 'invalid_characters';
    if (code.length <= 2) return 'too_short';
    if (code.length >= 5) return 'too_long';
    const wrong = code.length === 3 ? cardBrand === 'amex' : cardBrand === 'visa' || cardBrand === 'mastercard';
    return wrong ? 'cvc_length_for_brand' : null;
  }

  return { numberIssue, codeIssue };
})();
