// librsvg (SVG parsing and rendering) and cairo (PNG and PDF surfaces), for
// SurvivalReports' --plot output in .png and .pdf (Debian: librsvg2-dev,
// libcairo2-dev). rsvg.h brings in glib, gio, gdk-pixbuf and cairo.h.
#include <librsvg/rsvg.h>
#include <cairo-pdf.h>
