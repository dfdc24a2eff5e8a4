/**
 * A web address in prose: the characters a URL may hold (RFC 3986, less quotes, brackets
 * and parentheses, which in prose enclose it), so it ends at the first
 * Chinese character or full-width mark (登录https://a.gov.cn/x办理 is the address
 * https://a.gov.cn/x), and not on the sentence punctuation after it (…/x. or …/x,).
 */
export const URL_SOURCE = 'https?://[A-Za-z0-9\\-._~:/?#@!$&+,;=%]*[A-Za-z0-9\\-_~/#=&%]';

/** Every address in a text, as a fresh global expression. */
export function urlPattern(): RegExp {
  return new RegExp(URL_SOURCE, 'g');
}
