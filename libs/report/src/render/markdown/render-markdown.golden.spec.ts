import { expectGolden } from '../golden/expect-golden.spec-helper';
import { sampleReport } from '../sample-report.spec-helper';
import { renderMarkdown } from './render-markdown';

// Golden file: render/golden/sample-report.md. Set UPDATE_GOLDEN=1 to rewrite it after a deliberate change.
describe('renderMarkdown golden file', () => {
  it('renders the sample report exactly as sample-report.md', () => {
    expectGolden('sample-report.md', renderMarkdown(sampleReport()));
  });
});
