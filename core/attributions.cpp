// SPDX-License-Identifier: GPL-3.0-or-later
#include "attributions.h"

#include <QCoreApplication>

namespace placard {

QList<Attribution> attributions()
{
    // Grows with each bundled data set (gazetteer, basemap).
    return {
        {QCoreApplication::translate("placard", "Sample catalogue"),
         QCoreApplication::translate("placard",
                                     "Events of 30 January 2026 as reported in the press; "
                                     "compiled by the Placard authors"),
         QStringLiteral("GPL-3.0-or-later")},
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
