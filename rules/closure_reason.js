// Rule (guard): work with a person or family ends for one of three reasons: the goals were
// achieved, the person/family does not cooperate despite the arrangements, or it resigned.
// The decision is taken jointly after the final evaluation (part C of zał. 6). Seed 002 §4.5.
function closureReasonValid(reason) {
  return ['goals-achieved', 'no-cooperation', 'resignation'].indexOf(reason) >= 0;
}
