/** Another rebuild started after this one and owns the rm_next_ tables now. */
export class RebuildSupersededError extends Error {
  constructor() {
    super('读模型重建已被另一进程接管。Another rebuild of the read model took over.');
    this.name = 'RebuildSupersededError';
  }
}

/** Two ActivityLogged events share an activity id; only the slower exact rebuild folds that faithfully. */
export class DuplicateActivityIdError extends Error {
  constructor() {
    super('activity ids are not unique across ActivityLogged events; falling back to an exact rebuild');
    this.name = 'DuplicateActivityIdError';
  }
}
