/**
 * Ends a page request with a redirect from anywhere (a guard, a service): the error filter turns
 * it into `Location: url`. 303 after a form post, 302 otherwise.
 */
export class RedirectException extends Error {
  constructor(
    readonly url: string,
    readonly status: 302 | 303 = 302,
  ) {
    super(`redirect to ${url}`);
    this.name = 'RedirectException';
  }
}
