// SPDX-License-Identifier: GPL-3.0-or-later
#include "pickpointdialog.h"

#include "mapbridge.h"
#include "mapwidget.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace placard {

PickPointDialog::PickPointDialog(const QString &what, QWidget *parent)
    : QDialog(parent)
    , m_map(new MapWidget(this))
{
    setWindowTitle(tr("Pick a Point"));
    setObjectName(QStringLiteral("pickPointDialog"));
    auto *prompt = new QLabel(
        tr("Click on the map where the events at “%1” took place. Scroll to zoom, drag to move.")
            .arg(what.toHtmlEscaped()),
        this);
    prompt->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(prompt);
    layout->addWidget(m_map, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_map->load();
    m_map->bridge()->setPlacing(true);
    connect(m_map->bridge(), &MapBridge::placeClicked, this, [this](double lat, double lon) {
        m_point = std::pair{lat, lon};
        accept();
    });
    resize(720, 520);
}

} // namespace placard
