// ReadStat (Stata .dta, SPSS .sav/.zsav, SAS .sas7bdat/.xpt), from Debian's
// libreadstat-dev: /usr/include/readstat.h, no pkg-config file. Imported
// only by CohortData (Sources/CohortData/StatisticalFile).
#ifndef SURVIVALKIT_CREADSTAT_SHIM_H
#define SURVIVALKIT_CREADSTAT_SHIM_H
#include <readstat.h>
#endif
