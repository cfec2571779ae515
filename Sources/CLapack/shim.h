#ifndef CLAPACK_SHIM_H
#define CLAPACK_SHIM_H

// OpenBLAS's CBLAS (Debian: /usr/include/<triple>/cblas.h, libopenblas-dev).
// It also declares the openblas_* thread-control functions.
#include <cblas.h>

// Netlib LAPACKE (Debian: /usr/include/lapacke.h, liblapacke-dev).
#include <lapacke.h>

// lapack_int is a macro, which Swift cannot import; re-export it as a typedef.
typedef lapack_int clapack_int;

#endif
