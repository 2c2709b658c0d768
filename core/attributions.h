// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace placard {

/// One body of data that Placard ships or derives from, with its licence.
struct Attribution {
    QString name; ///< what the data is
    QString credit; ///< the credit line its licence asks for
    QString licence; ///< licence name
};

/// Every data source bundled with this build of Placard.
QList<Attribution> attributions();

/// The same list as an HTML fragment for About boxes.
QString attributionsHtml();

} // namespace placard
