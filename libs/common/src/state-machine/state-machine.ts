import { DomainError, ErrorKind } from '../errors/domain.error';

/** A state machine as data: each action names the states it may start from and the state it ends in. */
export type StateMachine<S extends string, A extends string> = {
  readonly entity: string;
  readonly transitions: Readonly<Record<A, { readonly from: readonly S[]; readonly to: S }>>;
};

export function defineStateMachine<S extends string, A extends string>(
  entity: string,
  transitions: Record<A, { from: readonly S[]; to: S }>,
): StateMachine<S, A> {
  return { entity, transitions };
}

export class IllegalTransitionError extends DomainError {
  constructor(entity: string, action: string, from: string) {
    super(ErrorKind.Conflict, 'illegal_transition', `Cannot ${action} a ${entity} that is ${from}`);
  }
}

/** The one check of every transition: the state after `action`, or a 409 naming what was refused. */
export function nextState<S extends string, A extends string>(machine: StateMachine<S, A>, from: S, action: A): S {
  const rule = machine.transitions[action];
  if (!rule.from.includes(from)) throw new IllegalTransitionError(machine.entity, action, from);
  return rule.to;
}
