import { CLAIM_STREAM_PREFIX, StreamNaming } from './stream-naming';

describe('StreamNaming', () => {
  it('without a namespace, uses ledger stream ids as server stream names', () => {
    const naming = new StreamNaming();
    expect(naming.serverName('org-branch-1')).toBe('org-branch-1');
    expect(naming.ledgerStreamId('org-branch-1')).toBe('org-branch-1');
    expect(naming.serverPrefix()).toBe('');
    expect(naming.serverPrefix('org-')).toBe('org-');
  });

  it('in a namespace, prefixes names and reads only its own streams back', () => {
    const naming = new StreamNaming('gd');
    expect(naming.serverName('org-1')).toBe('gd/org-1');
    expect(naming.ledgerStreamId('gd/org-1')).toBe('org-1');
    expect(naming.ledgerStreamId('gx/org-1')).toBeUndefined();
    expect(naming.ledgerStreamId('org-1')).toBeUndefined();
    expect(naming.serverPrefix()).toBe('gd/');
    expect(naming.serverPrefix('org-')).toBe('gd/org-');
  });

  it('keeps system streams and claims out of the ledger', () => {
    for (const naming of [new StreamNaming(), new StreamNaming('gd')]) {
      const claim = naming.claimStream('5b6e9e5c-3a2c-4c1e-9f0e-7f1d2a3b4c5d');
      expect(claim.endsWith(`${CLAIM_STREAM_PREFIX}5b6e9e5c-3a2c-4c1e-9f0e-7f1d2a3b4c5d`)).toBe(true);
      expect(naming.ledgerStreamId(claim)).toBeUndefined();
      expect(naming.ledgerStreamId('$stats-127.0.0.1:2113')).toBeUndefined();
      expect(naming.ledgerStreamId('$$org-1')).toBeUndefined();
      expect(naming.ledgerStreamId(naming.serverName(''))).toBeUndefined();
    }
  });

  it('refuses ledger stream ids the server or the claims reserve', () => {
    const naming = new StreamNaming();
    expect(() => naming.assertLedgerStreamId('')).toThrow(TypeError);
    expect(() => naming.assertLedgerStreamId('$settings')).toThrow(/reserves/);
    expect(() => naming.assertLedgerStreamId(`${CLAIM_STREAM_PREFIX}x`)).toThrow(/reserved/);
    expect(() => naming.assertLedgerStreamId('org-1')).not.toThrow();
  });
});
