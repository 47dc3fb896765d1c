import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** System fonts: the pages must not fetch GDS Transport, and readers' own fonts render fastest. */
const SYSTEM_FONTS = 'system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif';

/**
 * What the report pages add to GOV.UK Frontend: figures, tables, quotes and sources. The pages run
 * 1200 px wide, prose kept to GOV.UK's 960; tables are set smaller and their cells may break a
 * word that cannot fit (long tokens break first at the <wbr> of wrap.ts), so a table fits a
 * 1280 px window with no sideways scrolling (test/browser/pages.test.ts). The scroll wrapper stays
 * for narrow windows.
 */
const OWN = `
.app-figure{margin:0 0 20px 0;max-width:100%;overflow-x:auto}
.app-figure svg{width:100%;max-width:760px;height:auto}
.app-figure figcaption{margin-top:5px}
.app-table-wrap{overflow-x:auto;margin-bottom:20px}
.govuk-width-container{max-width:1200px}
.govuk-main-wrapper .govuk-body,.govuk-main-wrapper .govuk-body-l,.govuk-main-wrapper .govuk-list,.govuk-main-wrapper .govuk-heading-l,.govuk-main-wrapper .govuk-heading-m{max-width:960px}
.app-table-wrap .govuk-table{font-size:1rem;line-height:1.3}
.app-table-wrap .govuk-table__header,.app-table-wrap .govuk-table__cell{padding:8px 10px 8px 0;overflow-wrap:break-word}
.app-table-wrap .govuk-table:has(thead th:nth-child(10)){font-size:.875rem}
.app-table-wrap .govuk-table:has(thead th:nth-child(13)){font-size:.8125rem}
.app-table-wrap:focus{outline:3px solid #fd0;outline-offset:0}
.app-source{color:#505a5f;font-size:.875rem;white-space:nowrap}
.app-quotes li{margin-bottom:10px}
.app-key-findings li{margin-bottom:10px}
.app-cover-meta{color:#505a5f}
.app-header-link,.app-header-link:visited{display:inline-block;padding:12px 0;color:#fff;font-weight:700;font-size:1.25rem;text-decoration:none}
.app-header-link:focus{color:#0b0c0c;background:#fd0;box-shadow:0 -2px #fd0,0 4px #0b0c0c;outline:none}
.app-word-break{overflow-wrap:break-word;word-break:normal}
@media print{.govuk-skip-link,.govuk-header{display:none}}
`;

let cached: string | undefined;

/**
 * GOV.UK Frontend's compiled CSS, made self-contained: its webfont and image URLs are removed
 * (no request may leave a page) and its typeface replaced by system fonts.
 */
export function pageCss(): string {
  if (cached !== undefined) return cached;
  const css = readFileSync(require.resolve('govuk-frontend/dist/govuk/govuk-frontend.min.css'), 'utf8')
    .replace(/\/\*#\s*sourceMappingURL=[^*]*\*\//g, '')
    .replace(/@font-face\{[^}]*\}/g, '')
    .replace(/"?GDS Transport"?,arial,sans-serif/g, SYSTEM_FONTS)
    .replace(/font-family:"?GDS Transport"?/g, `font-family:${SYSTEM_FONTS}`)
    .replace(/url\([^)]*\)/g, 'none');
  cached = `${css}${OWN}`;
  return cached;
}
