/** Another rebuild started after this one and owns the rm_next_ tables now. */
export class RebuildSupersededError extends Error {
  constructor() {
    super('读模型重建已被另一进程接管。Another rebuild of the read model took over.');
    this.name = 'RebuildSupersededError';
  }
}

