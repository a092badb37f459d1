/** The file cannot be read at all (not an xlsx, a broken zip, an unknown text encoding…). */
export class ImportFileError extends Error {
  constructor(
    readonly messageZh: string,
    messageEn: string,
  ) {
    super(messageEn);
    this.name = 'ImportFileError';
  }
}
