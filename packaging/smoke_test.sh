#!/usr/bin/env bash
# Start the built app offscreen: import the reference article, export it, open the window.
set -euo pipefail
cd "$(dirname "$0")/.."
APP=dist/annotator/annotator
ARTICLE=annotator/resources/sample/sample_article.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen HOME="$work"
start=$(date +%s.%N)
"$APP" --version
"$APP" import --db "$work/p.db" "$ARTICLE"
"$APP" export --db "$work/p.db" --format jsonl --out "$work/out.jsonl"
grep -q "مركز الإعلام الأمني العراقي" "$work/out.jsonl"
# Two annotators: the agreement table, shaped for a terminal without bidi (arabic_reshaper
# and python-bidi inside the bundle).
cat > "$work/two.jsonl" <<'JSON'
{"text": "قصفت طائرات مواقع في سوريا", "spans": [{"start": 0, "end": 4, "label": "event", "annotator": "مها"}, {"start": 0, "end": 4, "label": "event", "annotator": "سارة"}]}
JSON
"$APP" import --db "$work/two.db" "$work/two.jsonl"
"$APP" agreement --db "$work/two.db" --bidi always | grep -q "ﺎﻬﻣ"
"$APP" gui --db "$work/p.db" --screenshot "$work/window.png"
test -s "$work/window.png"
end=$(date +%s.%N)
echo "smoke test passed in $(echo "$end - $start" | bc) s; bundle: $(du -sh dist/annotator | cut -f1)"
