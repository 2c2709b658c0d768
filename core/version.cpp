// SPDX-License-Identifier: GPL-3.0-or-later
#include "version.h"

#include <gdal.h>
#include <openssl/crypto.h>
#include <sqlite3.h>

namespace placard {

QString version()
{
    return QStringLiteral(PLACARD_VERSION_STRING);
}

QString libraryVersions()
{
    return QStringLiteral("Qt %1\nSQLite %2\nGDAL %3\nOpenSSL %4")
        .arg(QString::fromLatin1(qVersion()), QString::fromLatin1(sqlite3_libversion()),
             QString::fromLatin1(GDALVersionInfo("RELEASE_NAME")),
             QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION_STRING)));
}

} // namespace placard
