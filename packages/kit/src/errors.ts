// The one error family of the graph: GraphQLErrors with a literal extensions.code. Never throw strings.
import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'DEADLINE_PASSED' | 'INTERNAL_SERVER_ERROR'
  | 'AUDIT_UNAVAILABLE' | 'SERVICE_UNAVAILABLE';

export abstract class AppError extends GraphQLError {
  abstract readonly code: ErrorCode;
  constructor(message: string, code: ErrorCode, httpStatus: number, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra, http: { status: httpStatus } } });
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor(message = 'a valid access token is required') { super(message, 'UNAUTHENTICATED', 401); }
}

export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN' as const;
  constructor(message = 'not allowed') { super(message, 'FORBIDDEN', 200); }
}

export interface FieldProblem { field: string; reason: string }

/** Bad input: always names the field(s) at fault. */
export class BadUserInputError extends AppError {
  readonly code = 'BAD_USER_INPUT' as const;
  readonly problems: FieldProblem[];
  constructor(problems: FieldProblem[] | FieldProblem, httpStatus = 200) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map((p) => `${p.field}: ${p.reason}`).join('; '), 'BAD_USER_INPUT', httpStatus, {
      field: list[0]?.field, problems: list,
    });
    this.problems = list;
  }
  static field(field: string, reason: string): BadUserInputError { return new BadUserInputError({ field, reason }); }
  /** The request itself is malformed and refused before anything runs: HTTP 400. */
  static request(field: string, reason: string): BadUserInputError { return new BadUserInputError({ field, reason }, 400); }
}

export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND' as const;
  constructor(what: string, id: string) { super(`${what} ${id} not found`, 'NOT_FOUND', 200, { what, id }); }
}

export class ConflictError extends AppError {
  readonly code = 'CONFLICT' as const;
  constructor(message: string) { super(message, 'CONFLICT', 200); }
}

export class DeadlinePassedError extends AppError {
  readonly code = 'DEADLINE_PASSED' as const;
  constructor(message: string, deadline?: Date) { super(message, 'DEADLINE_PASSED', 200, { deadline: deadline?.toISOString() }); }
}

/** No audit record, no data (004 §33): the audit chain could not record this operation, so its data is not released. */
export class AuditUnavailableError extends AppError {
  readonly code = 'AUDIT_UNAVAILABLE' as const;
  constructor(reason = 'the audit log could not record this operation') {
    super(`audit unavailable: ${reason}; no data is released without its audit record`, 'AUDIT_UNAVAILABLE', 200);
  }
}

/** A subgraph did not answer: only its fields are null, the rest of the answer stands (partial answer). */
export class ServiceUnavailableError extends AppError {
  readonly code = 'SERVICE_UNAVAILABLE' as const;
  constructor(readonly service: string) {
    super(`the ${service} service is unavailable; its fields are null, the rest of the answer stands`, 'SERVICE_UNAVAILABLE', 200, { service });
  }
}

/** Misconfiguration found at boot: not a GraphQL error, it stops the process. */
export class ConfigError extends Error {}
