import Handlebars from 'handlebars';

/** Tokens at least this long (URLs, file:line lists, ids) get break opportunities. */
const LONG = 16;

/**
 * A table cell's text as HTML that a browser may wrap at sensible points: escaped as Handlebars
 * escapes `{{text}}`, then, inside long unbroken tokens, a <wbr> after each slash, dot, colon,
 * underscore, hyphen or comma. <wbr> is not copied with the text, so a URL copied from the page
 * is still the URL. Entities the escaping writes (&amp; &#x27; …) hold none of those characters.
 */
export function wrappable(text: string): string {
  return Handlebars.escapeExpression(text).replace(new RegExp(`\\S{${LONG},}`, 'g'), (token) =>
    token.replace(/([/.:_,-])(?=[^\s/.:_,-])/g, '$1<wbr>'),
  );
}
