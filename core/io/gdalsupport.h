// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace placard::io {

/// Registers GDAL's drivers, once per process.
void registerGdalDrivers();

/// While alive, GDAL's messages on this thread go to our errors, not to stderr (the
/// handler stack is per thread); lastGdalError() reads the last one.
class QuietGdalErrors {
public:
    QuietGdalErrors();
    ~QuietGdalErrors();
    QuietGdalErrors(const QuietGdalErrors &) = delete;
    QuietGdalErrors &operator=(const QuietGdalErrors &) = delete;
};

/// GDAL's last error message on this thread, trimmed.
QString lastGdalError();

} // namespace placard::io
