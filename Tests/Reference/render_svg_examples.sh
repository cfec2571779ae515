#!/bin/sh
# Renders the example figures the SurvivalReportsTests draw and screenshots them
# with headless Chromium, to check by eye that they look like publication figures.
# Not run by CI; PNGs are never committed.
#
#   apt-get install -y chromium          # Debian package
#   sh Tests/Reference/render_svg_examples.sh [outdir]   # default /tmp/survkit-svg
#
# The tests write their SVGs only when SURVKIT_SVG_EXAMPLES is set (see
# Tests/SurvivalReportsTests/SVGTestSupport.swift, Fixtures.exportExample).
# Inputs come from Tests/Fixtures/svg_*.json (Tests/Reference/svg_example_inputs.R).
set -eu
out="${1:-/tmp/survkit-svg}"
mkdir -p "$out"
SURVKIT_SVG_EXAMPLES="$out" swift test --filter SurvivalReportsTests
for svg in "$out"/*.svg; do
    png="${svg%.svg}.png"
    # Window size a little larger than the figures (720 px wide) so nothing is cut off.
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --screenshot="$png" --window-size=760,620 "file://$svg" 2>/dev/null
    echo "$png"
done
