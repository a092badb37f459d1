import { expectGolden } from '../golden/expect-golden.spec-helper';
import { sampleReport } from '../sample-report.spec-helper';
import { renderHtml } from './render-html';

// Golden file: render/golden/sample-report.html. Set UPDATE_GOLDEN=1 to rewrite it after a deliberate change.
describe('renderHtml golden file', () => {
  it('renders the sample report exactly as sample-report.html', () => {
    expectGolden('sample-report.html', renderHtml(sampleReport()));
  });
});
