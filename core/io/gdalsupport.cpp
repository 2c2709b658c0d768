// SPDX-License-Identifier: GPL-3.0-or-later
#include "gdalsupport.h"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace placard::io {

void registerGdalDrivers()
{
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

QuietGdalErrors::QuietGdalErrors()
{
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
}

QuietGdalErrors::~QuietGdalErrors()
{
    CPLPopErrorHandler();
}

QString lastGdalError()
{
    return QString::fromUtf8(CPLGetLastErrorMsg()).trimmed();
}

} // namespace placard::io
