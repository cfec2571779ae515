// zlib for CohortData's .csv.gz input (Debian: zlib1g-dev).
#include <zlib.h>

// inflateInit2 is a function-like macro (it passes ZLIB_VERSION and
// sizeof(z_stream)), which Swift cannot import: wrap it. Window bits 15 + 32:
// accept a gzip or a zlib header.
static inline int czlib_inflate_init_gzip(z_streamp stream) { return inflateInit2(stream, 15 + 32); }
