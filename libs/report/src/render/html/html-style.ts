/**
 * Print styles after GB/T 9704 (党政机关公文格式): A4 with its page margins, body in 3号仿宋 with
 * two-character first-line indent, 一、 headings in 黑体, （一） headings in 楷体, title centred.
 * Each stack names the Windows font, its GB2312-era and macOS variants, then what Debian ships
 * (fonts-noto-cjk, fonts-arphic-ukai) so the page still prints in CJK on a Linux server.
 */
const FANGSONG = `"FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", "Noto Serif CJK", serif`;
const HEITI = `"SimHei", "黑体", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Noto Sans CJK", sans-serif`;
const KAITI = `"KaiTi", "楷体", "KaiTi_GB2312", "楷体_GB2312", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC", serif`;
const XIAOBIAOSONG = `"FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif`;

export const REPORT_STYLE = `@page {
  size: A4;
  margin: 37mm 26mm 35mm 28mm;
}
html {
  color: #000;
  background: #fff;
}
body {
  margin: 2em auto;
  max-width: 156mm;
  font-family: ${FANGSONG};
  font-size: 16pt;
  line-height: 28pt;
}
.report h1.title {
  margin: 0 0 28pt;
  font-family: ${XIAOBIAOSONG};
  font-size: 22pt;
  font-weight: bold;
  line-height: 36pt;
  text-align: center;
}
.report p.subtitle {
  margin: 0 0 28pt;
  font-family: ${KAITI};
  text-align: center;
  text-indent: 0;
}
.report h2,
.report h3 {
  margin: 0;
  font-size: 16pt;
  font-weight: normal;
  text-indent: 2em;
  break-after: avoid;
}
.report h2 {
  font-family: ${HEITI};
}
.report h3 {
  font-family: ${KAITI};
}
.report p {
  margin: 0;
  text-align: justify;
  text-indent: 2em;
  orphans: 2;
  widows: 2;
}
.report p.signature {
  margin-top: 28pt;
  padding-right: 2em;
  text-align: right;
  text-indent: 0;
}
.report p.signature + p.signature {
  margin-top: 0;
}
table {
  margin: 14pt 0;
  width: 100%;
  border-collapse: collapse;
}
th,
td {
  padding: 2pt 6pt;
  border: 1px solid #000;
  vertical-align: top;
}
tr {
  break-inside: avoid;
}
.report table {
  font-size: 14pt;
  line-height: 22pt;
}
.report th {
  font-family: ${HEITI};
  font-weight: normal;
}
a.figure {
  color: inherit;
  text-decoration: underline dotted;
}
mark.blank {
  background: #fff3a0;
  color: #b00000;
}
mark.blank a {
  color: inherit;
  text-decoration: none;
}
section.provenance {
  margin-top: 3em;
  break-before: page;
  font-family: ${HEITI};
  font-size: 10.5pt;
  line-height: 16pt;
}
section.provenance h2 {
  font-size: 16pt;
  font-weight: normal;
  text-align: center;
}
section.provenance dl {
  display: grid;
  grid-template-columns: max-content 1fr;
  gap: 2pt 12pt;
}
section.provenance dt,
section.provenance dd {
  margin: 0;
}
section.provenance code {
  font-family: "DejaVu Sans Mono", "Consolas", monospace;
  font-size: 9pt;
  word-break: break-all;
}
section.provenance tr:target {
  background: #e8f0ff;
}
@media print {
  body {
    margin: 0;
    max-width: none;
  }
  a.figure {
    text-decoration: none;
  }
  mark.blank {
    background: none;
    color: inherit;
    border-bottom: 1px solid #000;
  }
  section.provenance tr:target {
    background: none;
  }
}
`;
