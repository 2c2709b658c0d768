// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencesdialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace placard {

namespace {
QWidget *pathRow(QLineEdit *edit, QPushButton *browse, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(24, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return row;
}
} // namespace

PreferencesDialog::PreferencesDialog(const geo::TileSourceSettings &current, QWidget *parent)
    : QDialog(parent)
    , m_kind(new QButtonGroup(this))
    , m_style(new QComboBox(this))
    , m_folder(new QLineEdit(this))
    , m_mbtiles(new QLineEdit(this))
    , m_privacy(new QLabel(this))
{
    setWindowTitle(tr("Preferences"));
    auto *layout = new QVBoxLayout(this);
    auto *box = new QGroupBox(tr("Map tiles"), this);
    auto *grid = new QVBoxLayout(box);

    auto *builtIn = new QRadioButton(tr("&Built-in basemap (offline)"), box);
    builtIn->setObjectName(QStringLiteral("builtIn"));
    m_style->addItem(tr("Light"), int(geo::BasemapStyle::Light));
    m_style->addItem(tr("Dark"), int(geo::BasemapStyle::Dark));
    m_style->setObjectName(QStringLiteral("style"));
    auto *styleRow = new QWidget(box);
    auto *styleLayout = new QHBoxLayout(styleRow);
    styleLayout->setContentsMargins(24, 0, 0, 0);
    styleLayout->addWidget(new QLabel(tr("Style:"), styleRow));
    styleLayout->addWidget(m_style);
    styleLayout->addStretch(1);

    auto *folder = new QRadioButton(tr("A &folder of XYZ tiles (z/x/y.png)"), box);
    folder->setObjectName(QStringLiteral("xyz"));
    auto *folderBrowse = new QPushButton(tr("Choose…"), box);
    m_folder->setObjectName(QStringLiteral("folder"));
    auto *mbtiles = new QRadioButton(tr("An &MBTiles file"), box);
    mbtiles->setObjectName(QStringLiteral("mbtiles"));
    auto *mbtilesBrowse = new QPushButton(tr("Choose…"), box);
    m_mbtiles->setObjectName(QStringLiteral("mbtilesPath"));
    auto *osm = new QRadioButton(tr("&OpenStreetMap tiles (online)"), box);
    osm->setObjectName(QStringLiteral("osm"));
    m_privacy->setWordWrap(true);
    m_privacy->setContentsMargins(24, 0, 0, 0);
    m_privacy->setText(
        tr("Tiles are then downloaded from OpenStreetMap's servers, which learn which places "
           "you look at. Everything else in Placard stays offline."));

    m_kind->addButton(builtIn, int(geo::TileSourceKind::BuiltIn));
    m_kind->addButton(folder, int(geo::TileSourceKind::XyzFolder));
    m_kind->addButton(mbtiles, int(geo::TileSourceKind::MBTiles));
    m_kind->addButton(osm, int(geo::TileSourceKind::OpenStreetMap));

    grid->addWidget(builtIn);
    grid->addWidget(styleRow);
    grid->addWidget(folder);
    grid->addWidget(pathRow(m_folder, folderBrowse, box));
    grid->addWidget(mbtiles);
    grid->addWidget(pathRow(m_mbtiles, mbtilesBrowse, box));
    grid->addWidget(osm);
    grid->addWidget(m_privacy);
    layout->addWidget(box);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(folderBrowse, &QPushButton::clicked, this, [this, folder] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Folder of XYZ Tiles"), m_folder->text());
        if (!dir.isEmpty()) {
            m_folder->setText(dir);
            folder->setChecked(true);
        }
    });
    connect(mbtilesBrowse, &QPushButton::clicked, this, [this, mbtiles] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("MBTiles File"), m_mbtiles->text(), tr("MBTiles (*.mbtiles);;All files (*)"));
        if (!file.isEmpty()) {
            m_mbtiles->setText(file);
            mbtiles->setChecked(true);
        }
    });
    connect(m_kind, &QButtonGroup::idToggled, this, &PreferencesDialog::updateEnabled);
    setTileSource(current);
    resize(520, sizeHint().height());
}

void PreferencesDialog::setTileSource(const geo::TileSourceSettings &source)
{
    m_kind->button(int(source.kind))->setChecked(true);
    m_style->setCurrentIndex(source.style == geo::BasemapStyle::Dark ? 1 : 0);
    if (source.kind == geo::TileSourceKind::XyzFolder)
        m_folder->setText(source.path);
    if (source.kind == geo::TileSourceKind::MBTiles)
        m_mbtiles->setText(source.path);
    updateEnabled();
}

geo::TileSourceSettings PreferencesDialog::tileSource() const
{
    geo::TileSourceSettings s;
    s.kind = geo::TileSourceKind(m_kind->checkedId());
    s.style = geo::BasemapStyle(m_style->currentData().toInt());
    if (s.kind == geo::TileSourceKind::XyzFolder)
        s.path = m_folder->text();
    else if (s.kind == geo::TileSourceKind::MBTiles)
        s.path = m_mbtiles->text();
    return s;
}

void PreferencesDialog::updateEnabled()
{
    const auto kind = geo::TileSourceKind(m_kind->checkedId());
    m_style->setEnabled(kind == geo::TileSourceKind::BuiltIn);
    m_folder->setEnabled(kind == geo::TileSourceKind::XyzFolder);
    m_mbtiles->setEnabled(kind == geo::TileSourceKind::MBTiles);
    m_privacy->setEnabled(kind == geo::TileSourceKind::OpenStreetMap);
}

} // namespace placard
