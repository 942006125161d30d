/** An error the API returns to its caller: a stable code, an HTTP status, a message a person can act on. */
export class ApiFailure extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
