// libFuzzer target: see checkGzip in fuzz_checks.h.
#include "fuzz/fuzz_input.h"

CPIS_FUZZ_TARGET(cpis::fuzz::checkGzip)
