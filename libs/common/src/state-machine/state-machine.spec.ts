import { defineStateMachine, IllegalTransitionError, nextState } from './state-machine';

describe(nextState.name, () => {
  const sut = defineStateMachine<'a' | 'b' | 'c', 'go' | 'back'>('widget', {
    go: { from: ['a'], to: 'b' },
    back: { from: ['b', 'c'], to: 'a' },
  });

  it('should return the target state of a legal transition', () => {
    expect(nextState(sut, 'a', 'go')).toBe('b');
    expect(nextState(sut, 'c', 'back')).toBe('a');
  });

  it('should refuse an illegal transition with a message naming it', () => {
    expect(() => nextState(sut, 'b', 'go')).toThrow(IllegalTransitionError);
    expect(() => nextState(sut, 'b', 'go')).toThrow('Cannot go a widget that is b');
  });
});
