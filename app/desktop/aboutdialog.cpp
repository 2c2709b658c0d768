// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutdialog.h"

#include "attributions.h"
#include "version.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace placard {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Placard"));
    auto *layout = new QVBoxLayout(this);

    auto *heading =
        new QLabel(tr("<h2>Placard %1</h2><p>A desktop atlas of demonstrations.</p>"
                      "<p>Copyright © the Placard authors. Placard is free software: you can "
                      "redistribute it and/or modify it under the terms of the GNU General Public "
                      "License, version 3 or (at your option) any later version.</p>")
                       .arg(version()),
                   this);
    heading->setWordWrap(true);
    layout->addWidget(heading);

    auto *details = new QTextBrowser(this);
    details->setObjectName(QStringLiteral("aboutDetails"));
    details->setOpenExternalLinks(true);
    QString html = tr("<h3>Libraries</h3><p>%1</p><h3>Data</h3>")
                       .arg(libraryVersions().toHtmlEscaped().replace(QLatin1Char('\n'),
                                                                      QStringLiteral("<br>")));
    html += attributionsHtml();
    details->setHtml(html);
    layout->addWidget(details, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 520);
}

} // namespace placard
