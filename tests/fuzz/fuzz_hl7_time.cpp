// libFuzzer target: see checkHl7Time in fuzz_checks.h.
#include "fuzz/fuzz_input.h"

CPIS_FUZZ_TARGET(cpis::fuzz::checkHl7Time)
