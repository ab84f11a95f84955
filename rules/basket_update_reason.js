// Rule (guard): the local basket of services is updated by the Leader at least once a year and
// whenever a service starts, stops, changes its conditions or time of access, or its contact data
// change. Seed 004 §3 ust. 5 lit. a–c.
function basketReasonValid(reason) {
  return ['annual', 'service-started', 'service-stopped', 'conditions-changed',
          'contact-changed'].indexOf(reason) >= 0;
}
