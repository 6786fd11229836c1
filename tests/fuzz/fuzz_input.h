// One libFuzzer target: the fuzzer's bytes through one check of fuzz_checks.h; a broken
// promise aborts, so libFuzzer keeps the input as a crash.
#pragma once

#include "fuzz/fuzz_checks.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#define CPIS_FUZZ_TARGET(check)                                                                    \
    extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)              \
    {                                                                                              \
        const QStringList broken =                                                                 \
            check(QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size))); \
        for (const QString &promise : broken)                                                      \
            std::fprintf(stderr, "broken promise: %s\n", qUtf8Printable(promise));                 \
        if (!broken.isEmpty())                                                                     \
            std::abort();                                                                          \
        return 0;                                                                                  \
    }
