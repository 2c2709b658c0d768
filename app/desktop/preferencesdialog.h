// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/tilesource.h"

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;

namespace placard {

/// Edit ▸ Preferences: where the map's tiles come from (the built-in basemap in light or
/// dark, a folder of XYZ tiles, an MBTiles file, or OpenStreetMap online, which is off
/// until chosen here).
class PreferencesDialog : public QDialog {
    Q_OBJECT

public:
    explicit PreferencesDialog(const geo::TileSourceSettings &current, QWidget *parent = nullptr);

    /// The settings as the dialog shows them.
    geo::TileSourceSettings tileSource() const;
    void setTileSource(const geo::TileSourceSettings &source);

private:
    void updateEnabled();

    QButtonGroup *m_kind;
    QComboBox *m_style;
    QLineEdit *m_folder;
    QLineEdit *m_mbtiles;
    QLabel *m_privacy;
};

} // namespace placard
